/**
 * Who is asking. Resolved once per HTTP request and once per graphql-ws connection, then carried in the
 * GraphQL context and handed to every service, which scopes what it reads and writes by it.
 *
 * Only the admin token exists today. Signed-in users and team API tokens (api.md, "Accounts, teams,
 * tokens") become further variants here; `services/scope.ts` is the one place that decides what each
 * variant may see, so adding one is a change there, not in every query.
 */
export type Principal = { readonly kind: 'admin' };
// Next: | { kind: 'user'; userId: string; memberships: readonly Membership[] }
//       | { kind: 'token'; tokenId: string; teamId: string; role: Role }

export const ADMIN: Principal = Object.freeze({ kind: 'admin' });

/** Team roles, highest first; each includes the ones below it (api.md). */
export const ROLES = ['OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** True when `held` includes everything `needed` allows. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) <= ROLES.indexOf(needed);
}
