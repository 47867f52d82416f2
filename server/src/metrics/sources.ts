import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import { TrafficTotalsEntity } from '../db/traffic-entities.js';
import type { DeployStatus, DeployTrigger, SiteStatus } from '../domain/model.js';

/**
 * What /metrics reports, read from the database when Prometheus scrapes: the numbers are the rows, so
 * they stay exact across a restart (an in-memory counter would start again from zero).
 */

/** How a finished deploy ended: a deploy that went live and was later replaced still counts as LIVE. */
export type DeployOutcome = 'LIVE' | 'FAILED' | 'CANCELLED';

export function deployOutcome(status: DeployStatus): DeployOutcome | null {
  if (status === 'LIVE' || status === 'SUPERSEDED') return 'LIVE';
  if (status === 'FAILED' || status === 'CANCELLED') return status;
  return null; // still queued or running: counted when it ends
}

export interface DeployCount {
  status: DeployOutcome;
  trigger: DeployTrigger;
  count: number;
}

/** Finished deploys by outcome and trigger (deploys of deleted sites go with them). */
export async function deployCounts(em: EntityManager): Promise<DeployCount[]> {
  const rows = await em
    .getConnection()
    .execute<{ status: DeployStatus; trigger: DeployTrigger; n: number | string }[]>(
      'select "status", "trigger", count(*) as "n" from "deploys" group by "status", "trigger"',
    );
  const out = new Map<string, DeployCount>();
  for (const row of rows) {
    const status = deployOutcome(row.status);
    if (!status) continue;
    const key = `${status}\0${row.trigger}`;
    const entry = out.get(key) ?? { status, trigger: row.trigger, count: 0 };
    entry.count += Number(row.n);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** Seconds from start to end of every finished deploy that ran (a deploy cancelled while queued did not). */
export async function buildDurations(em: EntityManager): Promise<number[]> {
  const rows = await em.find(
    DeployEntity,
    { startedAt: { $ne: null }, finishedAt: { $ne: null } },
    { fields: ['startedAt', 'finishedAt'], disableIdentityMap: true },
  );
  return rows.map((d) => Math.max(0, (d.finishedAt!.getTime() - d.startedAt!.getTime()) / 1000));
}

export async function siteCounts(em: EntityManager): Promise<{ status: SiteStatus; count: number }[]> {
  const rows = await em
    .getConnection()
    .execute<{ status: SiteStatus; n: number | string }[]>(
      'select "status", count(*) as "n" from "sites" group by "status"',
    );
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}

export interface SiteTrafficTotal {
  slug: string;
  requests: Record<'1xx' | '2xx' | '3xx' | '4xx' | '5xx', number>;
  bytes: number;
}

/** Each site's request and byte totals since it was created (traffic/store.ts keeps them). */
export async function trafficTotals(em: EntityManager): Promise<SiteTrafficTotal[]> {
  const totals = await em.find(TrafficTotalsEntity, {}, { disableIdentityMap: true });
  if (totals.length === 0) return [];
  const sites = await em.find(
    SiteEntity,
    { id: { $in: totals.map((t) => t.siteId) } },
    { fields: ['id', 'slug'], disableIdentityMap: true },
  );
  const slugs = new Map(sites.map((s) => [s.id, s.slug]));
  return totals
    .filter((t) => slugs.has(t.siteId))
    .map((t) => ({
      slug: slugs.get(t.siteId)!,
      requests: {
        '1xx': t.status1xx,
        '2xx': t.status2xx,
        '3xx': t.status3xx,
        '4xx': t.status4xx,
        '5xx': t.status5xx,
      },
      bytes: t.bytes,
    }));
}
