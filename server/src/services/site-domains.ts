import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/knex';
import { SiteDomainEntity } from '../db/entities.js';
import { ConflictError } from '../domain/errors.js';
import type { Site } from '../domain/model.js';

/**
 * Stages the rows that make `hosts` (validated, lowercased) the site's and no other's: rows for new hosts,
 * removal of hosts it gave up. Nothing is written here; the caller's flush stores them with the site, in one
 * transaction. A host another site holds is refused now with a clear message; one claimed by a concurrent
 * request between this check and the flush fails that flush on the primary key (see domainConflict).
 */
export async function stageDomains(em: EntityManager, site: Site, hosts: readonly string[]): Promise<void> {
  const wanted = new Set(hosts.map((h) => h.toLowerCase()));
  if (wanted.size > 0) {
    // Read past the identity map: a managed row of another site would make em.create below update that row
    // (steal the host) instead of inserting one that the primary key refuses.
    const taken = await em.find(
      SiteDomainEntity,
      { host: { $in: [...wanted] }, site: { $ne: site.id } },
      { disableIdentityMap: true },
    );
    if (taken.length > 0) throw inUse(taken.map((t) => t.host));
  }
  // Queries of this entity flush nothing else first (Orm's auto-flush only flushes queued changes of
  // the entity queried), so a site being created is not stored before its domains.
  const owned = await em.find(SiteDomainEntity, { site: site.id });
  for (const row of owned) {
    if (!wanted.has(row.host)) em.remove(row);
    wanted.delete(row.host);
  }
  for (const host of wanted) em.create(SiteDomainEntity, { host, site });
}

/** The CONFLICT a flush failed with when another site committed one of the hosts first; null otherwise. */
export function domainConflict(err: unknown): ConflictError | null {
  if (!(err instanceof UniqueConstraintViolationException) || !String(err.message).includes('site_domains')) {
    return null;
  }
  return inUse([]);
}

function inUse(hosts: string[]): ConflictError {
  const which = hosts.length > 0 ? `"${hosts.sort().join('", "')}"` : 'A domain';
  const verb = hosts.length > 1 ? 'are' : 'is';
  return new ConflictError(`${which} ${verb} already used by another site`, 'domains');
}
