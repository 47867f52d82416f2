import type { EntityManager } from '@mikro-orm/knex';
import type {
  IdentitySignIn,
  IdentitySignInResult,
  SignInRequest,
  VerifiedIdentity,
} from '../auth/identity.js';
import { OidcIdentityEntity, UserEntity } from '../db/account-entities.js';
import type { Orm } from '../db/orm.js';
import { newId } from '../domain/ids.js';
import { audit } from './audit.js';
import type { SignInService } from './sign-in.js';

/**
 * The accounts side of OpenID Connect sign-in (auth/identity.ts): which user a verified identity is, then a
 * session. Linked by provider+subject; else to the user with the same e-mail, only when the provider
 * vouches for it (an unverified address could be anyone's); else through an invitation, which makes a
 * new user; else refused. Attempts count against the same address limit as password sign-ins.
 */
export function identitySignIn(orm: Orm, signIn: SignInService): IdentitySignIn {
  return async (identity, request) => {
    const em = orm.em.fork();
    const provider = identity.provider.toLowerCase();
    const ip = request.ip;
    const result = await signInOrRefuse(em, identity, request, provider, signIn);
    if (!result.ok) {
      // Every attempt is audited; a refusal writes nothing else, so it has a flush of its own.
      audit(
        em,
        {
          principal: null,
          ip,
          actor: `oidc:${provider}:${identity.email ?? identity.subject}`.slice(0, 400),
        },
        {
          action: 'auth.signin_failed',
          teamId: null,
          detail: result.reason,
        },
      );
      await em.flush();
    }
    return result;
  };
}

async function signInOrRefuse(
  em: EntityManager,
  identity: VerifiedIdentity,
  request: SignInRequest,
  provider: string,
  signIn: SignInService,
): Promise<IdentitySignInResult> {
  const ip = request.ip;
  if (signIn.limits.addresses.waitMs(ip, Date.now()) > 0) return { ok: false, reason: 'rate_limited' };
  return em.transactional(async (tx) => {
    const now = new Date();
    const linked = await tx.findOne(OidcIdentityEntity, { provider, subject: identity.subject });
    let user = linked ? await tx.findOne(UserEntity, { id: linked.userId }) : null;
    const email = identity.email?.trim().toLowerCase() || null;
    if (!user && email && identity.emailVerified) {
      user = await tx.findOne(UserEntity, { email });
    }
    if (!user && request.invitation) {
      const invitation = await signIn.openInvitation(tx, request.invitation);
      if (!invitation) return { ok: false as const, reason: 'invitation_invalid' as const };
      if (!email || !identity.emailVerified)
        return { ok: false as const, reason: 'email_unverified' as const };
      user = tx.create(UserEntity, {
        id: newId(),
        email,
        name: identity.name,
        passwordHash: null,
        createdAt: now,
      });
      signIn.join(tx, invitation.teamId, user.id, invitation.role, now);
      invitation.acceptedAt = now;
    }
    if (!user) {
      signIn.limits.addresses.failed(ip, Date.now());
      return {
        ok: false as const,
        reason: email && !identity.emailVerified ? ('email_unverified' as const) : ('no_account' as const),
      };
    }
    if (!linked) {
      tx.create(OidcIdentityEntity, {
        id: newId(),
        provider,
        subject: identity.subject,
        userId: user.id,
        createdAt: now,
      });
    }
    const started = await signIn.begin(tx, user, { ip, sessionSecret: null }, now);
    return { ok: true as const, setCookie: started.setCookie };
  });
}
