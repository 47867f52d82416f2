import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgRwLock, STORE_LOCK } from '../src/cluster/pg-rw-lock.js';
import type { Orm } from '../src/db/orm.js';
import { ContentStore, hashFile } from '../src/pipeline/store/content-store.js';
import { onPostgres, openTestDatabase, testDatabaseUrl } from './support/test-database.js';

// The content store's lock across control planes sharing one data dir (cluster/pg-rw-lock.ts): one
// replica's collection never removes a blob another replica has found and is linking. Two locks on
// separate pools stand for two replicas, as in deploy-claims.unit.test.ts. PostgreSQL pass only.
describe.skipIf(!onPostgres)('the content store lock on one PostgreSQL', () => {
  const dataDir = `/store-lock-${randomBytes(4).toString('hex')}`;
  let url: string;
  let orm: Orm;
  let watcher: pg.Client;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    orm = await openTestDatabase(dataDir);
    url = (await testDatabaseUrl(dataDir))!;
    watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher.end();
    await Promise.all(pools.map((p) => p.end()));
    await orm.close(true);
  });

  /** One replica's lock, on a pool of its own. */
  function replica(): PgRwLock {
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    pools.push(pool);
    return new PgRwLock(pool);
  }

  /** The store lock's holds in the database right now, by mode. */
  async function holds(): Promise<{ shared: number; exclusive: number; waiting: number }> {
    const { rows } = await watcher.query<{ mode: string; granted: boolean }>(
      `select mode, granted from pg_locks
        where locktype = 'advisory' and classid = $1 and objid = hashtext($2)::oid and objsubid = 2
          and database = (select oid from pg_database where datname = current_database())`,
      [STORE_LOCK.space, STORE_LOCK.name],
    );
    return {
      shared: rows.filter((r) => r.granted && r.mode === 'ShareLock').length,
      exclusive: rows.filter((r) => r.granted && r.mode === 'ExclusiveLock').length,
      waiting: rows.filter((r) => !r.granted).length,
    };
  }

  async function until(check: () => Promise<boolean>): Promise<void> {
    while (!(await check())) await sleep(10);
  }

  it("an exclusive hold waits for every other replica's shared ones, and shared ones wait for it", async () => {
    const a = replica();
    const b = replica();
    const order: string[] = [];
    let leaveA!: () => void;
    const heldA = a.shared(async () => {
      order.push('a shared');
      await new Promise<void>((r) => {
        leaveA = r;
      });
      order.push('a leaves');
    });
    await until(async () => (await holds()).shared === 1);
    const collecting = b.exclusive(async () => {
      order.push('b exclusive');
      await sleep(50);
      order.push('b leaves');
    });
    await until(async () => (await holds()).waiting === 1);
    leaveA();
    await heldA;
    await until(async () => (await holds()).exclusive === 1);
    // A's next link waits for B's collection to end.
    await a.shared(async () => {
      order.push('a shared again');
    });
    await collecting;
    expect(order).toEqual(['a shared', 'a leaves', 'b exclusive', 'b leaves', 'a shared again']);
    expect(await holds()).toEqual({ shared: 0, exclusive: 0, waiting: 0 });
  });

  it("a replica's shared holders share one database hold, given back by the last to leave", async () => {
    const a = replica();
    const gates: (() => void)[] = [];
    const holders = Array.from({ length: 5 }, () => a.shared(() => new Promise<void>((r) => gates.push(r))));
    await until(async () => gates.length === 5);
    expect(await holds()).toEqual({ shared: 1, exclusive: 0, waiting: 0 });
    for (const leave of gates.splice(0, 4)) leave();
    await Promise.all(holders.slice(0, 4));
    expect((await holds()).shared).toBe(1);
    gates[0]!();
    await Promise.all(holders);
    expect(await holds()).toEqual({ shared: 0, exclusive: 0, waiting: 0 });
  });

  it('one replica collecting never takes a blob another replica found and is linking', async () => {
    const root = await mkdtemp(join(tmpdir(), 'store-lock-'));
    try {
      const lockA = replica();
      const storeA = new ContentStore(join(root, 'files'), lockA);
      const storeB = new ContentStore(join(root, 'files'), replica());
      await storeA.prepare();
      // A blob no deploy links any more (link count 1): collectable, until a deploy links it again.
      const source = join(root, 'index.html');
      await writeFile(source, 'hello from the store');
      const { sha256 } = await hashFile(source);
      expect(await storeA.adopt(source, sha256)).toBe(true);
      await rm(source);
      await mkdir(join(root, 'deploy'));
      const target = join(root, 'deploy', 'index.html');

      // A has found the blob (held shared, as linkMany does between looking and linking) when B collects.
      let collecting!: Promise<{ blobs: number }>;
      const linked = await lockA.shared(async () => {
        expect(await storeA.has(sha256)).toBe(true);
        collecting = storeB.collect();
        await until(async () => (await holds()).waiting === 1);
        return storeA.linkTo(sha256, [target]);
      });
      expect(linked).toBe(true);
      expect((await collecting).blobs).toBe(0);
      expect((await stat(storeA.blob(sha256))).nlink).toBe(2);
      expect((await stat(target)).nlink).toBe(2);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
