import type { Role } from '../gql/graphql';

// Roles per team, each including the ones below it (api.md). The server decides; the dashboard only hides
// or disables what it would refuse, and says why.

export const ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'DEVELOPER', 'VIEWER'] as Role[];

const RANK: Record<string, number> = { VIEWER: 0, DEVELOPER: 1, ADMIN: 2, OWNER: 3 };

export function atLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && RANK[role]! >= RANK[needed]!;
}

/** Why `viewer` may not change or remove a member with `target`'s role; null when it may. */
export function memberLock(viewer: Role, target: Role): string | null {
  if (!atLeast(viewer, 'ADMIN')) return 'Only an admin or owner manages members';
  if (target === 'OWNER' && viewer !== 'OWNER') return 'Only an owner changes an owner';
  return null;
}

/** The roles `viewer` may give: its own and below (only an owner makes owners). */
export function grantable(viewer: Role): Role[] {
  return ROLES.filter((r) => atLeast(viewer, r));
}

/** The page's wording: "Viewer", "Owner". */
export function roleLabel(role: Role): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}
