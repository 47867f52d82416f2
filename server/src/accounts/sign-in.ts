import type { EntityManager } from '@mikro-orm/knex';
import { InvitationEntity, MembershipEntity, SessionEntity, UserEntity } from '../db/account-entities.js';
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Principal } from '../domain/principal.js';
import { validateName } from '../domain/validate.js';
import { audit } from './audit.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import type { Invitation, Session, User } from './model.js';
import { dummyHash, hashPassword, normalizeEmail, validatePassword, verifyPassword } from './passwords.js';
import { requireUser } from './principals.js';
import { SignInLimits } from './rate-limit.js';
import { secretHash } from './secrets.js';
import { cookieMaxAge, startSession } from './sessions.js';
import { createTeamRows, firstTeam } from './teams.js';

export interface SignInDeps {
  signup: 'invite' | 'open';
  /** Whether cookies get `Secure` (the public URL is https); read per call, as the URL is known after start. */
  secureCookies: () => boolean;
  now?: () => Date;
}

/** Where a request came from and what it can do to the response (HTTP only). */
export interface RequestSide {
  ip: string | null;
  /** Adds a Set-Cookie header to the answer; absent on graphql-ws, which cannot set cookies. */
  setCookie?: (value: string) => void;
  /** The session secret the request carried, if any (replaced at sign-in: a fixed session id is useless). */
  sessionSecret?: string | null;
}

/** A session that was started, and the Set-Cookie value that hands it to the browser. */
export interface StartedSession {
  user: User;
  session: Session;
  setCookie: string;
}

/** Every sign-in refusal says this, whether or not the e-mail has an account. */
const BAD_CREDENTIALS = 'The e-mail or password is wrong';

/**
 * Sign-up, sign-in, sign-out and passwords. Sign-in never says whether an e-mail has an account: the same
 * message, and a password hash checked either way (a dummy one when there is no account), so the answer
 * takes as long. Attempts are throttled per account and per client address (rate-limit.ts).
 */
export class SignInService {
  readonly limits = new SignInLimits();
  private readonly now: () => Date;

  constructor(private readonly deps: SignInDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async signUp(
    em: EntityManager,
    req: RequestSide,
    input: { email: string; password: string; name?: string | null; invitation?: string | null },
  ): Promise<User> {
    if (!req.setCookie)
      throw new BadInputError('Sign up over HTTP: a WebSocket cannot set the session cookie');
    const email = normalizeEmail(input.email);
    const password = validatePassword(input.password);
    const name = input.name?.trim() ? validateName(input.name) : null;
    const passwordHash = await hashPassword(password);
    const started = await em.transactional(async (tx) => {
      const now = this.now();
      // The user row is written first, so this transaction holds the write lock before it counts users:
      // of two first sign-ups at once, exactly one sees itself alone and becomes the owner.
      if (await tx.count(UserEntity, { email })) {
        throw new ConflictError('An account with this e-mail exists; sign in instead', 'email');
      }
      const user = tx.create(UserEntity, { id: newId(), email, name, passwordHash, createdAt: now });
      await tx.flush();
      const invitation = input.invitation ? await this.openInvitation(tx, input.invitation) : null;
      if (input.invitation && !invitation) {
        throw new BadInputError('This invitation is used, expired or unknown', 'invitation');
      }
      if (invitation) {
        this.join(tx, invitation.teamId, user.id, invitation.role, now);
        invitation.acceptedAt = now;
        audit(
          tx,
          { principal: null, ip: req.ip, actor: `user:${email}` },
          {
            action: 'member.join',
            teamId: invitation.teamId,
            userId: user.id,
            targetType: 'user',
            targetId: user.id,
            detail: invitation.role,
          },
        );
      } else if ((await tx.count(UserEntity, {})) === 1) {
        // The first user owns the first team (the one the accounts migration made for existing sites).
        const first = await firstTeam(tx);
        const teamId = first?.id ?? createTeamRows(tx, 'Default team', 'default', now).id;
        this.join(tx, teamId, user.id, 'OWNER', now);
      } else if (this.deps.signup === 'open') {
        const team = createTeamRows(tx, `${name ?? email.split('@')[0]}'s team`, null, now);
        this.join(tx, team.id, user.id, 'OWNER', now);
      } else {
        throw new ForbiddenError('Sign-up is by invitation on this Launchpad: ask a team admin for a link');
      }
      return this.begin(tx, user, req, now);
    });
    req.setCookie?.(started.setCookie);
    return started.user;
  }

  /** Checks the password (throttled) and starts a new session, ending the one the request came with. */
  async signIn(
    em: EntityManager,
    req: RequestSide,
    input: { email: string; password: string },
  ): Promise<User> {
    if (!req.setCookie)
      throw new BadInputError('Sign in over HTTP: a WebSocket cannot set the session cookie');
    const email = input.email.trim().toLowerCase().slice(0, 320);
    const ip = req.ip ?? 'unknown';
    const wait = this.limits.retryAfterSeconds(email, ip, Date.now());
    const user = await em.findOne(UserEntity, { email });
    if (wait > 0) {
      this.limits.refused(email, Date.now());
      await this.recordFailure(em, req, email, user, 'rate_limited');
      throw new RateLimitedError(`Too many sign-in attempts; try again in ${wait} s`, wait);
    }
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password.slice(0, 1024));
    if (!user?.passwordHash || !ok) {
      this.limits.failed(email, ip, Date.now());
      await this.recordFailure(em, req, email, user, 'bad_credentials');
      throw new UnauthenticatedError(BAD_CREDENTIALS);
    }
    this.limits.succeeded(email);
    const started = await em.transactional((tx) => this.begin(tx, user, req, this.now()));
    req.setCookie(started.setCookie);
    return user;
  }

  /**
   * Stages a new session and its audit row, ends the session the request came with (the id changes at
   * every sign-in, so a session id planted before it is worth nothing), and returns its cookie.
   */
  async begin(tx: EntityManager, user: User, req: RequestSide, now: Date): Promise<StartedSession> {
    if (req.sessionSecret) await tx.nativeDelete(SessionEntity, { id: secretHash(req.sessionSecret) });
    const { secret, session } = startSession(tx, user.id, now);
    audit(
      tx,
      { principal: null, ip: req.ip, actor: `user:${user.email}` },
      {
        action: 'auth.signin',
        teamId: null,
        userId: user.id,
        targetType: 'user',
        targetId: user.id,
      },
    );
    await tx.flush();
    const setCookie = sessionCookie(secret, {
      secure: this.deps.secureCookies(),
      maxAgeSeconds: cookieMaxAge(session, now),
    });
    return { user, session, setCookie };
  }

  async signOut(em: EntityManager, principal: Principal | null, req: RequestSide): Promise<boolean> {
    if (principal?.kind === 'user') await em.nativeDelete(SessionEntity, { id: principal.sessionId });
    else if (req.sessionSecret) await em.nativeDelete(SessionEntity, { id: secretHash(req.sessionSecret) });
    req.setCookie?.(clearedSessionCookie(this.deps.secureCookies()));
    return true;
  }

  /** Ends every session of the user but the one asking. */
  async signOutEverywhere(em: EntityManager, principal: Principal | null): Promise<boolean> {
    const user = requireUser(principal);
    await em.nativeDelete(SessionEntity, { userId: user.userId, id: { $ne: user.sessionId } });
    return true;
  }

  /** Needs the current password (throttled like a sign-in); ends every other session. */
  async changePassword(
    em: EntityManager,
    principal: Principal | null,
    req: RequestSide,
    input: { current: string; next: string },
  ): Promise<boolean> {
    const who = requireUser(principal);
    const next = validatePassword(input.next, 'next');
    const wait = this.limits.retryAfterSeconds(who.email, req.ip ?? 'unknown', Date.now());
    if (wait > 0) throw new RateLimitedError(`Too many attempts; try again in ${wait} s`, wait);
    const user = await em.findOneOrFail(UserEntity, { id: who.userId });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current.slice(0, 1024)))) {
      this.limits.failed(who.email, req.ip ?? 'unknown', Date.now());
      throw new BadInputError('The current password is wrong', 'current');
    }
    user.passwordHash = await hashPassword(next);
    await em.transactional(async (tx) => {
      await tx.flush();
      await tx.nativeDelete(SessionEntity, { userId: user.id, id: { $ne: who.sessionId } });
    });
    return true;
  }

  /** A pending invitation by the token in its link, or null (used, expired or unknown look the same). */
  async openInvitation(em: EntityManager, token: string): Promise<Invitation | null> {
    const invitation = await em.findOne(InvitationEntity, { tokenHash: secretHash(token) });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= this.now()) return null;
    return invitation;
  }

  join(tx: EntityManager, teamId: string, userId: string, role: Invitation['role'], now: Date): void {
    tx.create(MembershipEntity, { id: newId(), teamId, userId, role, createdAt: now });
  }

  private async recordFailure(
    em: EntityManager,
    req: RequestSide,
    email: string,
    user: User | null,
    reason: string,
  ): Promise<void> {
    audit(
      em,
      { principal: null, ip: req.ip, actor: `anonymous:${email}` },
      {
        action: 'auth.signin_failed',
        teamId: null,
        userId: user?.id ?? null,
        detail: reason,
      },
    );
    await em.flush();
  }
}
