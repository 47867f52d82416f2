import type { FilterQuery, ObjectQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Deploy, Site } from '../domain/model.js';
import { higherRole, type Principal, type Role, roleIncludes } from '../domain/principal.js';

/**
 * The one answer to "which sites may this principal see, and what may it do with them?", in the forms it
 * is needed: a filter every query adds, a check on a site already in hand (subscription events), and the
 * role held on one team. Everything else a principal sees (deploys, logs, deliveries) is reached through a
 * site it may see. `null` is nobody: it sees nothing, so a path that forgot the authentication gate still
 * leaks nothing.
 */
export function visibleSites(principal: Principal | null): ObjectQuery<Site> {
  if (!principal) return { id: { $in: [] } };
  switch (principal.kind) {
    case 'admin':
      return {};
    case 'user':
      return { teamId: { $in: principal.memberships.map((m) => m.teamId) } };
    case 'token':
      return { teamId: principal.teamId };
  }
}

export function maySee(principal: Principal | null, site: Pick<Site, 'teamId'>): boolean {
  if (!principal) return false;
  if (principal.kind === 'admin') return true;
  return site.teamId !== null && roleOn(principal, site.teamId) !== null;
}

/** The role the principal holds on one team (null: not a member, so the team is invisible to it). */
export function roleOn(principal: Principal | null, teamId: string): Role | null {
  if (!principal) return null;
  switch (principal.kind) {
    case 'admin':
      return 'OWNER';
    case 'user':
      return principal.memberships.find((m) => m.teamId === teamId)?.role ?? null;
    case 'token':
      return principal.teamId === teamId ? principal.role : null;
  }
}

/** The teams the principal belongs to (null: every team, for the admin token). */
export function teamIds(principal: Principal | null): string[] | null {
  if (!principal) return [];
  switch (principal.kind) {
    case 'admin':
      return null;
    case 'user':
      return principal.memberships.map((m) => m.teamId);
    case 'token':
      return [principal.teamId];
  }
}

/**
 * The highest role the principal holds anywhere (null: none). Field-level scopes check this first, so an
 * operation no team of the principal would allow is refused before it runs; the per-team check
 * (`requireRole`) then decides for the one team the operation touches.
 */
export function highestRole(principal: Principal | null): Role | null {
  if (!principal) return null;
  switch (principal.kind) {
    case 'admin':
      return 'OWNER';
    case 'user':
      return principal.memberships.reduce<Role | null>(
        (best, m) => (best ? higherRole(best, m.role) : m.role),
        null,
      );
    case 'token':
      return principal.role;
  }
}

/**
 * The role held on `teamId`, which must be at least `needed`: a team the principal is not in is NOT_FOUND
 * (it never learns the team exists), a smaller role is FORBIDDEN.
 */
export function requireRole(principal: Principal | null, teamId: string | null, needed: Role): Role {
  const held = teamId === null ? (principal?.kind === 'admin' ? 'OWNER' : null) : roleOn(principal, teamId);
  if (held === null) throw new NotFoundError(`No team ${teamId}`);
  if (!roleIncludes(held, needed)) {
    throw new ForbiddenError(`This needs the ${needed} role on the team; you have ${held}`);
  }
  return held;
}

/** Who is asking, and the unit of work their operation reads and writes through. */
export interface Caller {
  principal: Principal | null;
  em: EntityManager;
  /** The client's address, for the audit log and sign-in limits (null inside the server). */
  ip?: string | null;
}

/** A site the caller may see, or null; an invisible site and a missing one look the same. */
export function findSite(caller: Caller, where: FilterQuery<Site>): Promise<Site | null> {
  return caller.em.findOne(SiteEntity, { $and: [visibleSites(caller.principal), where] });
}

/** A site the caller may see (else NOT_FOUND) on whose team it holds at least `needed` (else FORBIDDEN). */
export async function getSite(caller: Caller, id: string, needed: Role = 'VIEWER'): Promise<Site> {
  const site = await findSite(caller, { id });
  if (!site) throw new NotFoundError(`No site ${id}`);
  if (site.teamId !== null) requireRole(caller.principal, site.teamId, needed);
  return site;
}

/** A deploy of a site the caller may see, or null. */
export async function findDeploy(caller: Caller, id: string): Promise<Deploy | null> {
  const deploy = await caller.em.findOne(DeployEntity, { id });
  if (!deploy) return null;
  return (await findSite(caller, { id: deploy.siteId })) ? deploy : null;
}

export async function getDeploy(caller: Caller, id: string, needed: Role = 'VIEWER'): Promise<Deploy> {
  const deploy = await findDeploy(caller, id);
  if (!deploy) throw new NotFoundError(`No deploy ${id}`);
  await getSite(caller, deploy.siteId, needed);
  return deploy;
}
