import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../src/db/orm.js';
import { AccessLogCursorEntity, TrafficTotalsEntity } from '../src/db/traffic-entities.js';
import { TrafficAggregate } from '../src/traffic/aggregate.js';
import { type CursorChange, CursorMovedError, recordTraffic } from '../src/traffic/store.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// Two collectors that read the same access-log lines (a control plane finishing its pass after it lost
// leadership, beside the new leader; issue 16) count them once: a cursor moves only from where it stood when
// its lines were read, and the transaction that finds it moved records nothing.

let dir: string;
let orm: Orm;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-cursors-'));
  orm = await openTestDatabase(dir);
});
afterAll(async () => {
  await orm?.close(true);
  await rm(dir, { recursive: true, force: true });
});

/** `count` requests read from a file up to `offset`, from where the cursor stood (`was`). */
function record(siteId: string, count: number, was: number | null, offset: number): Promise<void> {
  const aggregate = new TrafficAggregate();
  aggregate.add(
    Array.from({ length: count }, () => ({ atMs: Date.now(), status: 200, bytes: 10, ms: 1, host: 'x' })),
  );
  const change: CursorChange = { key: 'access.log', offset, done: false, was };
  return recordTraffic(orm.em.fork(), siteId, aggregate, [change], []);
}

async function state(siteId: string) {
  const em = orm.em.fork();
  const totals = await em.findOne(TrafficTotalsEntity, { siteId });
  const cursor = await em.findOne(AccessLogCursorEntity, { siteId });
  return { requests: totals?.requests ?? 0, offset: cursor?.offset ?? null };
}

describe('access-log cursors', () => {
  it('count lines two collectors read from the same place once', async () => {
    const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 0, deliveriesPerSite: 0 });
    const id = site!.id;
    await record(id, 3, null, 300);
    // The other collector loaded no cursor either: the new one is taken.
    await expect(record(id, 3, null, 300)).rejects.toThrow();
    expect(await state(id)).toEqual({ requests: 3, offset: 300 });

    await record(id, 2, 300, 500);
    await expect(record(id, 2, 300, 500)).rejects.toThrow(CursorMovedError);
    expect(await state(id)).toEqual({ requests: 5, offset: 500 });

    // At the same moment (on PostgreSQL, two transactions: the second waits for the first's commit).
    const both = await Promise.allSettled([record(id, 4, 500, 900), record(id, 4, 500, 900)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await state(id)).toEqual({ requests: 9, offset: 900 });
  });
});
