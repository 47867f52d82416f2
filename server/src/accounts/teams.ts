import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { ApiTokenEntity, InvitationEntity, MembershipEntity, TeamEntity } from '../db/account-entities.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { type Role, roleIncludes, withMembership } from '../domain/principal.js';
import { validateName } from '../domain/validate.js';
import { type Caller, requireRole } from '../services/scope.js';
import { audit } from './audit.js';
import type { Mailer } from './mailer.js';
import type { ApiToken, Invitation, Membership, Team, TokenScope } from './model.js';
import { normalizeEmail } from './passwords.js';
import { requireUser, SCOPE_ROLE } from './principals.js';
import { newApiToken, newSecret, secretHash } from './secrets.js';

/** An open invitation as its invitee sees it before accepting (the dashboard's "Join <team>"). */
export interface InvitationOffer {
  teamName: string;
  role: Role;
  expiresAt: Date;
  /** The user is already in the team (accepting would answer CONFLICT). */
  member: boolean;
}

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;
/** The longest expiry a token may be given; none means it lives until revoked. */
export const MAX_TOKEN_DAYS = 3650;

export interface TeamDeps {
  /** Base of invitation links (the public URL, known once the server listens). */
  publicUrl: () => string;
  mailer: Mailer | null;
  now?: () => Date;
}

/** The oldest team: the one the accounts migration made for the sites from before accounts. */
export async function firstTeam(em: EntityManager): Promise<Team | null> {
  const [team] = await em.find(TeamEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 1 });
  return team ?? null;
}

/** Stages a team (staged in `tx`); the slug is made from the name when not given, unique by a suffix. */
export function createTeamRows(tx: EntityManager, name: string, slug: string | null, now: Date): Team {
  const base =
    slug ??
    (name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) ||
      'team');
  return tx.create(TeamEntity, {
    id: newId(),
    name,
    slug: slug ?? `${base}-${randomBytes(3).toString('hex')}`,
    createdAt: now,
  });
}

/**
 * Teams, members, invitations and API tokens. Every change checks the caller's role on the one team it
 * touches (services/scope.ts: another team is NOT_FOUND, too small a role FORBIDDEN) and writes its audit
 * row in the same flush.
 */
export class TeamService {
  private readonly now: () => Date;

  constructor(private readonly deps: TeamDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async createTeam(caller: Caller, name: string): Promise<Team> {
    const { em, principal } = caller;
    if (principal?.kind === 'token') throw new ForbiddenError('An API token cannot create teams');
    const now = this.now();
    const team = createTeamRows(em, validateName(name), null, now);
    if (principal?.kind === 'user') {
      em.create(MembershipEntity, {
        id: newId(),
        teamId: team.id,
        userId: principal.userId,
        role: 'OWNER',
        createdAt: now,
      });
    }
    audit(em, caller, { action: 'team.create', teamId: team.id, targetType: 'team', targetId: team.id });
    await em.flush();
    if (principal?.kind === 'user') caller.principal = withMembership(principal, team.id, 'OWNER');
    return team;
  }

  /** A pending invitation and, this once, the link that accepts it. */
  async invite(
    caller: Caller,
    input: { teamId: string; email: string; role: Role },
  ): Promise<Invitation & { url: string }> {
    const { em } = caller;
    const held = requireRole(caller.principal, input.teamId, 'ADMIN');
    const email = normalizeEmail(input.email);
    mayGrant(held, input.role);
    const team = await em.findOneOrFail(TeamEntity, { id: input.teamId });
    const token = newSecret();
    const now = this.now();
    const invitation = em.create(InvitationEntity, {
      id: newId(),
      teamId: team.id,
      email,
      role: input.role,
      tokenHash: secretHash(token),
      invitedById: caller.principal?.kind === 'user' ? caller.principal.userId : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
      acceptedAt: null,
    });
    audit(em, caller, {
      action: 'member.invite',
      teamId: team.id,
      targetType: 'invitation',
      targetId: invitation.id,
      detail: `${email} as ${input.role}`,
    });
    await em.flush();
    // The token travels in the fragment: browsers send it neither to the server's logs nor in a Referer.
    const url = `${this.deps.publicUrl()}/invite#${token}`;
    if (this.deps.mailer) {
      // The link is shown to the creator either way; a mail server that is down must not undo the invitation.
      await this.deps.mailer
        .sendInvitation({
          to: email,
          teamName: team.name,
          role: input.role,
          url,
          expiresAt: invitation.expiresAt,
        })
        .catch((err: unknown) =>
          console.warn(`invitation e-mail to ${email} failed: ${(err as Error).message}`),
        );
    }
    return { ...invitation, url };
  }

  /**
   * What an open invitation offers the signed-in user, shown before they accept it: the team's name and the
   * role (null: used, expired or unknown, as accept() would refuse it). Whoever holds the link learns no more
   * than accepting it would tell them.
   */
  async offer(
    caller: Caller,
    sign: { openInvitation: (em: EntityManager, token: string) => Promise<Invitation | null> },
    token: string,
  ): Promise<InvitationOffer | null> {
    const user = requireUser(caller.principal);
    const { em } = caller;
    const invitation = await sign.openInvitation(em, token);
    if (!invitation) return null;
    const team = await em.findOneOrFail(TeamEntity, { id: invitation.teamId });
    const member = await em.count(MembershipEntity, { teamId: team.id, userId: user.userId });
    return {
      teamName: team.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      member: member > 0,
    };
  }

  async accept(
    caller: Caller,
    sign: { openInvitation: (em: EntityManager, token: string) => Promise<Invitation | null> },
    token: string,
  ): Promise<Team> {
    const user = requireUser(caller.principal);
    const { em } = caller;
    return em.transactional(async (tx) => {
      const invitation = await sign.openInvitation(tx, token);
      if (!invitation) throw new BadInputError('This invitation is used, expired or unknown', 'token');
      if (await tx.count(MembershipEntity, { teamId: invitation.teamId, userId: user.userId })) {
        throw new ConflictError('You are already a member of this team');
      }
      const now = this.now();
      tx.create(MembershipEntity, {
        id: newId(),
        teamId: invitation.teamId,
        userId: user.userId,
        role: invitation.role,
        createdAt: now,
      });
      invitation.acceptedAt = now;
      audit(tx, caller, {
        action: 'member.join',
        teamId: invitation.teamId,
        targetType: 'user',
        targetId: user.userId,
        detail: invitation.role,
      });
      await tx.flush();
      const team = await tx.findOneOrFail(TeamEntity, { id: invitation.teamId });
      caller.principal = withMembership(user, team.id, invitation.role);
      return team;
    });
  }

  async setRole(caller: Caller, input: { teamId: string; userId: string; role: Role }): Promise<Membership> {
    const { em } = caller;
    const held = requireRole(caller.principal, input.teamId, 'ADMIN');
    return em.transactional(async (tx) => {
      const member = await this.member(tx, input.teamId, input.userId);
      mayManage(held, member.role);
      mayGrant(held, input.role);
      if (member.role === 'OWNER' && input.role !== 'OWNER') await this.keepAnOwner(tx, input.teamId);
      audit(tx, caller, {
        action: 'member.role',
        teamId: input.teamId,
        targetType: 'user',
        targetId: input.userId,
        detail: `${member.role} -> ${input.role}`,
      });
      member.role = input.role;
      await tx.flush();
      return member;
    });
  }

  /** Removes a member; anyone may leave a team themselves (unless they are its last owner). */
  async removeMember(caller: Caller, input: { teamId: string; userId: string }): Promise<string> {
    const { em, principal } = caller;
    const self = principal?.kind === 'user' && principal.userId === input.userId;
    const held = requireRole(principal, input.teamId, self ? 'VIEWER' : 'ADMIN');
    return em.transactional(async (tx) => {
      const member = await this.member(tx, input.teamId, input.userId);
      if (!self) mayManage(held, member.role);
      if (member.role === 'OWNER') await this.keepAnOwner(tx, input.teamId);
      audit(tx, caller, {
        action: 'member.remove',
        teamId: input.teamId,
        targetType: 'user',
        targetId: input.userId,
      });
      tx.remove(member);
      await tx.flush();
      return input.userId;
    });
  }

  async createToken(
    caller: Caller,
    input: { teamId: string; name: string; scope: TokenScope; expiresInDays?: number | null },
  ): Promise<{ token: ApiToken; secret: string }> {
    const { em, principal } = caller;
    const held = requireRole(principal, input.teamId, 'ADMIN');
    mayGrant(held, SCOPE_ROLE[input.scope]);
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100)
      throw new BadInputError('A token name holds 1 to 100 characters', 'name');
    const days = input.expiresInDays;
    if (days != null && (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)) {
      throw new BadInputError(`expiresInDays is a whole number from 1 to ${MAX_TOKEN_DAYS}`, 'expiresInDays');
    }
    const now = this.now();
    const { secret, prefix, hash } = newApiToken();
    const token = em.create(ApiTokenEntity, {
      id: newId(),
      teamId: input.teamId,
      name: validateName(name),
      scope: input.scope,
      prefix,
      secretHash: hash,
      createdById: principal?.kind === 'user' ? principal.userId : null,
      createdAt: now,
      lastUsedAt: null,
      expiresAt: days != null ? new Date(now.getTime() + days * 24 * 3600_000) : null,
      revokedAt: null,
    });
    audit(em, caller, {
      action: 'token.create',
      teamId: input.teamId,
      targetType: 'token',
      targetId: token.id,
      detail: `${token.name} (${input.scope})`,
    });
    await em.flush();
    return { token, secret };
  }

  /** Revoked at once: the next request (or graphql-ws operation) with it is UNAUTHENTICATED. */
  async revokeToken(caller: Caller, id: string): Promise<string> {
    const { em } = caller;
    const token = await em.findOne(ApiTokenEntity, { id, revokedAt: null });
    if (!token) throw new NotFoundError(`No token ${id}`);
    requireRole(caller.principal, token.teamId, 'ADMIN');
    token.revokedAt = this.now();
    audit(em, caller, {
      action: 'token.revoke',
      teamId: token.teamId,
      targetType: 'token',
      targetId: token.id,
    });
    await em.flush();
    return token.id;
  }

  private async member(tx: EntityManager, teamId: string, userId: string): Promise<Membership> {
    const member = await tx.findOne(MembershipEntity, { teamId, userId });
    if (!member) throw new NotFoundError(`No member ${userId} in this team`);
    return member;
  }

  /** Refuses a change that would leave the team without an owner. */
  private async keepAnOwner(tx: EntityManager, teamId: string): Promise<void> {
    if ((await tx.count(MembershipEntity, { teamId, role: 'OWNER' })) <= 1) {
      throw new ConflictError('A team keeps at least one owner: make someone else owner first');
    }
  }
}

/** api.md: ADMIN manages members below OWNER; OWNER manages everyone. */
function mayManage(held: Role, target: Role): void {
  if (target === 'OWNER' && held !== 'OWNER') throw new ForbiddenError('Only an owner can change an owner');
}

/** Nobody hands out more than they hold, and only an owner makes owners. */
function mayGrant(held: Role, granted: Role): void {
  if (!roleIncludes(held, granted) || (granted === 'OWNER' && held !== 'OWNER')) {
    throw new ForbiddenError(`Your role (${held}) cannot grant ${granted}`);
  }
}
