/**
 * Who is asking. Resolved once per HTTP request and once per graphql-ws operation, then carried in the
 * GraphQL context and handed to every service, which scopes what it reads and writes by it.
 *
 * `services/scope.ts` is the one place that decides what each variant may see and do.
 */
export type Principal = AdminPrincipal | UserPrincipal | TokenPrincipal;

/** The admin token: every team, every role (bootstrap and automation). */
export interface AdminPrincipal {
  readonly kind: 'admin';
}

/** A signed-in user (session cookie), with the teams they belong to as of this request. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  /** The session this request came with (hash of the cookie's secret). */
  readonly sessionId: string;
  readonly memberships: readonly TeamRole[];
}

/** A team API token: one team, the role its scope stands for. */
export interface TokenPrincipal {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly prefix: string;
  readonly teamId: string;
  readonly role: Role;
}

export interface TeamRole {
  readonly teamId: string;
  readonly role: Role;
}

export const ADMIN: Principal = Object.freeze({ kind: 'admin' });

/** Team roles, highest first; each includes the ones below it (api.md). */
export const ROLES = ['OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** True when `held` includes everything `needed` allows. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) <= ROLES.indexOf(needed);
}

/** The higher of two roles. */
export function higherRole(a: Role, b: Role): Role {
  return roleIncludes(a, b) ? a : b;
}

/**
 * The user's principal with one more membership: what a join or a new team makes true for the rest of
 * the operation that made it (its answer's `viewerRole`, `sites`), without reading the session again.
 */
export function withMembership(principal: UserPrincipal, teamId: string, role: Role): UserPrincipal {
  const others = principal.memberships.filter((m) => m.teamId !== teamId);
  return { ...principal, memberships: [...others, { teamId, role }] };
}

/** How the audit log names who acted. */
export function actorName(principal: Principal): string {
  switch (principal.kind) {
    case 'admin':
      return 'admin';
    case 'user':
      return `user:${principal.email}`;
    case 'token':
      return `token:${principal.prefix}`;
  }
}
