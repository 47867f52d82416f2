import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity } from '../db/entities.js';
import { IncidentEntity } from '../db/notify-entities.js';
import type { Site } from '../domain/model.js';
import type { Incident } from './model.js';
import { uptimeFraction } from './uptime.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest uptime window asked for: two years, as long as anything here is kept. */
export const MAX_UPTIME_DAYS = 730;

/** A visible site's incidents, newest first. */
export function siteIncidents(em: EntityManager, site: Site, first: number): Promise<Incident[]> {
  return em.find(
    IncidentEntity,
    { siteId: site.id },
    { orderBy: { at: 'desc', id: 'desc' }, limit: Math.max(1, Math.min(first, 100)) },
  );
}

/**
 * The fraction of the last `days` days the site was not DOWN (notify/uptime.ts); null when it never served
 * in the window. Reads the incidents in the window and the last one before it (the state it starts in).
 */
export async function siteUptime(em: EntityManager, site: Site, days: number, now = new Date()) {
  const span = Math.max(1, Math.min(days, MAX_UPTIME_DAYS));
  const from = new Date(now.getTime() - span * DAY_MS);
  const [first] = await em.find(
    DeployEntity,
    { siteId: site.id, status: { $in: ['LIVE', 'SUPERSEDED'] }, finishedAt: { $ne: null } },
    { orderBy: { finishedAt: 'asc' }, limit: 1 },
  );
  const servedSince = first?.finishedAt ?? null;
  if (!servedSince) return null;
  const before = await em.find(
    IncidentEntity,
    { siteId: site.id, at: { $lt: from } },
    { orderBy: { at: 'desc', id: 'desc' }, limit: 1 },
  );
  const within = await em.find(
    IncidentEntity,
    { siteId: site.id, at: { $gte: from, $lte: now } },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
  return uptimeFraction([...before, ...within], from, now, servedSince);
}
