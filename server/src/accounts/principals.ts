import type { EntityManager } from '@mikro-orm/knex';
import { ApiTokenEntity, MembershipEntity, UserEntity } from '../db/account-entities.js';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Principal, Role } from '../domain/principal.js';
import type { TokenScope } from './model.js';
import { secretHash } from './secrets.js';
import { openSession } from './sessions.js';

/** api.md: READ ≈ VIEWER, DEPLOY ≈ DEVELOPER, ADMIN ≈ ADMIN, on one team. */
export const SCOPE_ROLE: Record<TokenScope, Role> = { READ: 'VIEWER', DEPLOY: 'DEVELOPER', ADMIN: 'ADMIN' };

/** A last-used time is written at most this often per token. */
const LAST_USED_EVERY_MS = 60_000;

/** The principal of a live API token (not revoked, not expired), or null. Marks it used. */
export async function tokenPrincipal(
  em: EntityManager,
  secret: string,
  now: Date,
): Promise<Principal | null> {
  const token = await em.findOne(
    ApiTokenEntity,
    { secretHash: secretHash(secret) },
    { disableIdentityMap: true },
  );
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await em.nativeUpdate(ApiTokenEntity, { id: token.id }, { lastUsedAt: now });
  }
  return {
    kind: 'token',
    tokenId: token.id,
    prefix: token.prefix,
    teamId: token.teamId,
    role: SCOPE_ROLE[token.scope],
  };
}

/** The principal of a live session, with the user's teams as they are now, or null. */
export async function sessionPrincipal(
  em: EntityManager,
  secret: string,
  now: Date,
): Promise<Principal | null> {
  const session = await openSession(em, secret, now);
  if (!session) return null;
  const user = await em.findOne(UserEntity, { id: session.userId }, { disableIdentityMap: true });
  if (!user) return null;
  const memberships = await em.find(MembershipEntity, { userId: user.id }, { disableIdentityMap: true });
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    sessionId: session.id,
    memberships: memberships.map((m) => ({ teamId: m.teamId, role: m.role })),
  };
}

/** The signed-in user asking, for what only a person may do (passwords, sessions, joining a team). */
export function requireUser(principal: Principal | null) {
  if (principal?.kind !== 'user') {
    throw new UnauthenticatedError('This needs a signed-in user (not an API or admin token)');
  }
  return principal;
}
