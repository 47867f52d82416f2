import type { DeployStatus } from '../gql/graphql';

// Merging snapshots that arrive from queries and subscriptions in any order. Pure, so tested directly.

/** A deploy still on its way; it can be cancelled and its log grows. */
export function isActive(status: DeployStatus): boolean {
  return status === 'UPLOADING' || status === 'QUEUED' || status === 'BUILDING' || status === 'PUBLISHING';
}

// How far along a deploy is. Snapshots can arrive out of order (a query answered after a subscription
// event), and a deploy never moves back, so the later stage wins.
const STAGE: Record<DeployStatus, number> = {
  // A digest deploy waits for its uploads (issue 15) before it is queued.
  UPLOADING: -1,
  QUEUED: 0,
  BUILDING: 1,
  PUBLISHING: 2,
  LIVE: 3,
  FAILED: 3,
  CANCELLED: 3,
  SUPERSEDED: 4,
};

interface HasStatus {
  id: string;
  status: DeployStatus;
}

/** The newer of two snapshots of one deploy (equal stages: the incoming one). */
export function newerDeploy<T extends HasStatus>(current: T | undefined, incoming: T): T {
  if (!current) return incoming;
  return STAGE[incoming.status] >= STAGE[current.status] ? incoming : current;
}

/** Merges snapshots into a newest-first list by id, keeping each deploy's furthest stage. */
export function mergeDeploys<T extends HasStatus & { number: number }>(
  list: readonly T[],
  incoming: readonly T[],
): T[] {
  const byId = new Map(list.map((d) => [d.id, d]));
  for (const d of incoming) byId.set(d.id, newerDeploy(byId.get(d.id), d));
  return [...byId.values()].sort((a, b) => b.number - a.number);
}

/** The later of two snapshots of one site. */
function newerSite<T extends { updatedAt: string }>(current: T | undefined, incoming: T): T {
  if (!current) return incoming;
  return Date.parse(incoming.updatedAt) >= Date.parse(current.updatedAt) ? incoming : current;
}

interface ListedSite {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The server's list order: newest first, then by id (services/site-list.ts pages on exactly this). */
function listOrder(a: ListedSite, b: ListedSite): number {
  const byCreated = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return byCreated !== 0 ? byCreated : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges snapshots into the loaded part of a paged site list. A site already listed keeps its later
 * snapshot; an unlisted one joins only where the loaded pages reach (all of the list when `complete`, else
 * ahead of the last loaded site): a site from a page not loaded yet arrives with that page, not early and
 * out of place.
 */
export function mergeSitePage<T extends ListedSite>(
  list: readonly T[],
  incoming: readonly T[],
  complete: boolean,
): T[] {
  const byId = new Map(list.map((s) => [s.id, s]));
  const last = list.at(-1);
  for (const site of incoming) {
    const known = byId.get(site.id);
    if (known) byId.set(site.id, newerSite(known, site));
    else if (complete || !last || listOrder(site, last) < 0) byId.set(site.id, site);
  }
  return [...byId.values()].sort(listOrder);
}

interface DeliverySnapshot {
  id: string;
  at: string;
  attempts: number;
}

/**
 * Merges delivery snapshots into a newest-first list by id, at most `limit` long. A delivery only moves
 * forward (its attempts count grows), so the snapshot with more attempts wins whichever arrived last; with
 * equal counts the incoming one does.
 */
export function mergeDeliveries<T extends DeliverySnapshot>(
  list: readonly T[],
  incoming: readonly T[],
  limit: number,
): T[] {
  const byId = new Map(list.map((d) => [d.id, d]));
  for (const d of incoming) {
    const current = byId.get(d.id);
    if (!current || d.attempts >= current.attempts) byId.set(d.id, d);
  }
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit);
}
