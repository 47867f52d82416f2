import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Orm, openDatabase } from '../src/db/orm.js';
import { TrafficBucketEntity, type TrafficSpan, TrafficTotalsEntity } from '../src/db/traffic-entities.js';
import { bucketStart, TrafficAggregate } from '../src/traffic/aggregate.js';
import { pruneTraffic, recordTraffic } from '../src/traffic/store.js';
import { seedSites } from './support/seed.js';

// Issue 13's retention against a real database: minute rows are kept 48 hours, hour rows 90 days, day rows
// 2 years; the running totals behind launchpad_site_requests_total never shrink with them.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let dir: string;
let orm: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-retention-'));
  orm = await openDatabase(dir);
});
afterAll(async () => {
  await orm?.close(true);
  await rm(dir, { recursive: true, force: true });
});

describe('traffic retention', () => {
  it('drops minute rows after 48 h, hour rows after 90 days, day rows after 2 years, and keeps the totals', async () => {
    const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 0, deliveriesPerSite: 0 });
    // A fixed "now" at noon UTC, so each age lands well inside its bucket.
    const now = Date.UTC(2026, 5, 15, 12, 30);
    const ages = [47 * HOUR, 49 * HOUR, 89 * DAY, 91 * DAY, 700 * DAY, 740 * DAY];
    const aggregate = new TrafficAggregate();
    aggregate.add(ages.map((age) => ({ atMs: now - age, status: 200, bytes: 100, ms: 1, host: 'x' })));
    await recordTraffic(orm.em.fork(), site!.id, aggregate, [], []);

    const kept = async (span: TrafficSpan) =>
      (
        await orm.em.fork().find(TrafficBucketEntity, { siteId: site!.id, span }, { orderBy: { at: 'desc' } })
      ).map((b) => b.at.getTime());
    const starts = (span: TrafficSpan, keptAges: number[]) => [
      ...new Set(keptAges.map((age) => bucketStart(span, now - age))),
    ];
    expect(await kept('MINUTE')).toEqual(starts('MINUTE', ages));

    // 5 minute rows, 3 hour rows and 1 day row are past their span's retention.
    expect(await pruneTraffic(orm.em.fork(), new Date(now))).toBe(5 + 3 + 1);
    expect(await kept('MINUTE')).toEqual(starts('MINUTE', [47 * HOUR]));
    expect(await kept('HOUR')).toEqual(starts('HOUR', [47 * HOUR, 49 * HOUR, 89 * DAY]));
    // 47 h and 49 h before noon are the same UTC day.
    expect(await kept('DAY')).toEqual(starts('DAY', [47 * HOUR, 49 * HOUR, 89 * DAY, 91 * DAY, 700 * DAY]));
    const totals = await orm.em.fork().findOneOrFail(TrafficTotalsEntity, { siteId: site!.id });
    expect({ requests: totals.requests, bytes: totals.bytes }).toEqual({ requests: 6, bytes: 600 });
    // Pruning again removes nothing more.
    expect(await pruneTraffic(orm.em.fork(), new Date(now))).toBe(0);
  });
});
