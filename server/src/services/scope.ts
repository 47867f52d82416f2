import type { FilterQuery, ObjectQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import { NotFoundError } from '../domain/errors.js';
import type { Deploy, Site } from '../domain/model.js';
import type { Principal, Role } from '../domain/principal.js';

/**
 * The one answer to "which sites may this principal see?", in the two forms it is needed: a filter every
 * query adds, and a check on a site already in hand (subscription events). Everything else a principal
 * sees (deploys, logs, deliveries) is reached through a site it may see. `null` is nobody: it sees
 * nothing, so a path that forgot the authentication gate still leaks nothing.
 *
 * With teams this becomes `{ teamId: { $in: principal's teams } }` and the matching check.
 */
export function visibleSites(principal: Principal | null): ObjectQuery<Site> {
  if (!principal) return { id: { $in: [] } };
  switch (principal.kind) {
    case 'admin':
      return {};
  }
}

export function maySee(principal: Principal | null, _site: Pick<Site, 'id'>): boolean {
  if (!principal) return false;
  switch (principal.kind) {
    case 'admin':
      return true;
  }
}

/**
 * The highest role the principal holds anywhere (null: none). Field-level scopes check this; a check
 * against one site's team (FORBIDDEN on a known site with too small a role) joins it when teams exist.
 */
export function highestRole(principal: Principal | null): Role | null {
  if (!principal) return null;
  switch (principal.kind) {
    case 'admin':
      return 'OWNER';
  }
}

/** Who is asking, and the unit of work their operation reads and writes through. */
export interface Caller {
  principal: Principal | null;
  em: EntityManager;
}

/** A site the caller may see, or null; an invisible site and a missing one look the same. */
export function findSite(caller: Caller, where: FilterQuery<Site>): Promise<Site | null> {
  return caller.em.findOne(SiteEntity, { $and: [visibleSites(caller.principal), where] });
}

export async function getSite(caller: Caller, id: string): Promise<Site> {
  const site = await findSite(caller, { id });
  if (!site) throw new NotFoundError(`No site ${id}`);
  return site;
}

/** A deploy of a site the caller may see, or null. */
export async function findDeploy(caller: Caller, id: string): Promise<Deploy | null> {
  const deploy = await caller.em.findOne(DeployEntity, { id });
  if (!deploy) return null;
  return (await findSite(caller, { id: deploy.siteId })) ? deploy : null;
}

export async function getDeploy(caller: Caller, id: string): Promise<Deploy> {
  const deploy = await findDeploy(caller, id);
  if (!deploy) throw new NotFoundError(`No deploy ${id}`);
  return deploy;
}
