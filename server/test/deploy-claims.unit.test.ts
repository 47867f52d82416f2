import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeployClaims, SITE_CLAIM_LOCK } from '../src/cluster/claims.js';
import { PRESENCE_LOCK, Presence } from '../src/cluster/presence.js';
import { DeployEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import type { DeployContext } from '../src/domain/deploy-context.js';
import { newId } from '../src/domain/ids.js';
import type { Deploy, Site } from '../src/domain/model.js';
import { seedSites } from './support/seed.js';
import { onPostgres, openTestDatabase, testDatabaseUrl } from './support/test-database.js';

// The claims by which control planes sharing one PostgreSQL run each queued deploy exactly once
// (cluster/claims.ts), and their presence lock (cluster/presence.ts), against a real server: several
// claimers at once on separate connections, as several replicas would be. PostgreSQL pass only.
describe.skipIf(!onPostgres)('deploy claims on one PostgreSQL', () => {
  const dataDir = `/deploy-claims-${randomBytes(4).toString('hex')}`;
  let url: string;
  let orm: Orm;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    orm = await openTestDatabase(dataDir);
    url = (await testDatabaseUrl(dataDir))!;
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await orm.close(true);
  });
  beforeEach(async () => {
    await orm.em.getConnection().execute('delete from deploy_claims');
    await orm.em.getConnection().execute(`update deploys set status = 'CANCELLED' where status = 'QUEUED'`);
  });

  /** A replica's claims: its own pool, its own owner id. */
  function replica(name: string, leaseMs = 60_000): DeployClaims {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pools.push(pool);
    return new DeployClaims(pool, `test/${name}/${randomBytes(2).toString('hex')}`, leaseMs);
  }

  let number = 100;
  async function queue(site: Site, context: DeployContext = 'PRODUCTION', extra: Partial<Deploy> = {}) {
    const em = orm.em.fork();
    const deploy = em.create(DeployEntity, {
      id: newId(),
      siteId: site.id,
      number: ++number,
      status: 'QUEUED',
      trigger: 'UPLOAD',
      commitSha: null,
      commitMessage: null,
      error: null,
      archive: null,
      sourceDeployId: null,
      filesPrunedAt: null,
      // Strictly increasing: the queue's order is creation order.
      createdAt: new Date(Date.now() + number),
      startedAt: null,
      finishedAt: null,
      digest: false,
      context,
      branch: null,
      pullRequest: null,
      ...extra,
    });
    await em.flush();
    return deploy;
  }

  async function setStatus(deployId: string, status: string): Promise<void> {
    await orm.em.getConnection().execute('update deploys set status = ? where id = ?', [status, deployId]);
  }

  it('four replicas claiming at once run each of 40 deploys exactly once, one per site at a time, oldest first per site', async () => {
    const sites = await seedSites(orm.em.fork(), 8, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const deploys: Deploy[] = [];
    for (let round = 0; round < 5; round++) for (const site of sites) deploys.push(await queue(site));
    const claimers = ['a', 'b', 'c', 'd'].map((n) => replica(n));
    const ran: { deployId: string; siteId: string; owner: string }[] = [];
    const runningSites = new Set<string>();
    const overlaps: string[] = [];

    // Each replica runs two deploys at once, like LAUNCHPAD_BUILD_CONCURRENCY=2.
    const worker = async (claims: DeployClaims) => {
      for (;;) {
        const claim = await claims.claimNext([]);
        if (!claim) return;
        if (runningSites.has(claim.siteId)) overlaps.push(claim.siteId);
        runningSites.add(claim.siteId);
        ran.push({ deployId: claim.deployId, siteId: claim.siteId, owner: claims.owner });
        await setStatus(claim.deployId, 'BUILDING');
        await sleep(5 + Math.random() * 20);
        await setStatus(claim.deployId, 'LIVE');
        runningSites.delete(claim.siteId);
        await claims.release(claim.deployId);
      }
    };
    // A claimer that finds nothing stops; deploys of a site held by another are left for later passes.
    while (ran.length < deploys.length) {
      await Promise.all(claimers.flatMap((c) => [worker(c), worker(c)]));
    }

    expect(overlaps).toEqual([]);
    expect(ran.map((r) => r.deployId).sort()).toEqual(deploys.map((d) => d.id).sort());
    expect(new Set(ran.map((r) => r.owner)).size).toBeGreaterThan(1);
    // Per site, in the order they were queued.
    for (const site of sites) {
      const order = ran.filter((r) => r.siteId === site.id).map((r) => r.deployId);
      expect(order).toEqual(deploys.filter((d) => d.siteId === site.id).map((d) => d.id));
    }
    const left = await orm.em
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from deploy_claims');
    expect(left[0]?.n).toBe(0);
  });

  it('a site whose deploy another replica holds is skipped, and its next deploy waits until that one ends', async () => {
    const [site, other] = await seedSites(orm.em.fork(), 2, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const first = await queue(site!);
    const second = await queue(site!);
    const third = await queue(other!);
    const a = replica('a');
    const b = replica('b');
    expect((await a.claimNext([]))?.deployId).toBe(first.id);
    await setStatus(first.id, 'BUILDING');
    // B passes over the site A runs and takes the other site's deploy.
    expect((await b.claimNext([]))?.deployId).toBe(third.id);
    expect(await b.claimNext([])).toBeNull();
    await setStatus(first.id, 'LIVE');
    await a.release(first.id);
    expect((await b.claimNext([]))?.deployId).toBe(second.id);
  });

  it("runs a site's oldest deploy first even when another claimer has its row locked", async () => {
    const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const older = await queue(site!);
    await queue(site!); // a newer one, the first B finds unlocked
    // Another replica's claim in progress: it has read the older deploy with FOR NO KEY UPDATE SKIP LOCKED and is
    // about to try the site's claim lock (and will find the site busy once B has claimed).
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select id from deploys where id = $1 for no key update', [older.id]);
      expect((await replica('b').claimNext([]))?.deployId).toBe(older.id);
      // While B's claim holds, the site is busy for everyone else.
      expect(await replica('c').claimNext([])).toBeNull();
    } finally {
      await other.query('rollback');
      await other.end();
    }
  });

  it('passes over a site another claimer is looking at instead of waiting for it', async () => {
    const [site, free] = await seedSites(orm.em.fork(), 2, { deploysPerSite: 1, deliveriesPerSite: 0 });
    await queue(site!);
    const other = await queue(free!);
    const looking = new pg.Client({ connectionString: url });
    await looking.connect();
    try {
      await looking.query('begin');
      await looking.query('select pg_advisory_xact_lock($1, hashtext($2))', [SITE_CLAIM_LOCK, site!.id]);
      expect((await replica('b').claimNext([]))?.deployId).toBe(other.id);
    } finally {
      await looking.query('rollback');
      await looking.end();
    }
  });

  it('replaces only older unclaimed deploys of the same lane, and never both of two queued at once', async () => {
    const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const a = replica('a');
    const b = replica('b');
    const older = await queue(site!);
    const preview = await queue(site!, 'PREVIEW', { pullRequest: 7 });
    const otherPreview = await queue(site!, 'PREVIEW', { pullRequest: 8 });
    const newer = await queue(site!);
    expect(await a.claimReplaced(newer.id)).toEqual([older.id]);
    expect(await a.claimReplaced(otherPreview.id)).toEqual([]);
    const newerPreview = await queue(site!, 'PREVIEW', { pullRequest: 7 });
    expect(await b.claimReplaced(newerPreview.id)).toEqual([preview.id]);

    // Two deploys of one lane queued through two replicas at the same moment: the older one goes.
    await setStatus(newer.id, 'CANCELLED');
    const x = await queue(site!);
    const y = await queue(site!);
    const [byX, byY] = await Promise.all([a.claimReplaced(x.id), b.claimReplaced(y.id)]);
    expect([...byX, ...byY]).toEqual([x.id]);
  });

  it('cancels a waiting deploy only while nobody runs it', async () => {
    const [site] = await seedSites(orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const a = replica('a');
    const b = replica('b');
    const waiting = await queue(site!);
    expect(await b.claimToCancel(waiting.id)).toBe(true);
    // Held for the cancel: no replica starts it meanwhile.
    expect(await a.claimNext([])).toBeNull();
    const running = await queue(site!);
    await setStatus(waiting.id, 'CANCELLED');
    await b.dropEnded();
    expect((await a.claimNext([]))?.deployId).toBe(running.id);
    expect(await b.claimToCancel(running.id)).toBe(false);
    expect(await b.held([running.id, waiting.id])).toEqual([running.id]);
  });

  it("adopts only claims whose lease ran out, each by one survivor; renewing keeps a live replica's", async () => {
    const sites = await seedSites(orm.em.fork(), 6, { deploysPerSite: 1, deliveriesPerSite: 0 });
    const dead = replica('dead');
    const alive = replica('alive');
    const survivors = [replica('s1'), replica('s2'), replica('s3')];
    const deploys = await Promise.all(sites.map((s) => queue(s)));
    const ofDead: string[] = [];
    for (let i = 0; i < 3; i++) ofDead.push((await dead.claimNext([]))!.deployId);
    for (let i = 0; i < 3; i++) await alive.claimNext([]);
    await Promise.all(deploys.map((d) => setStatus(d.id, 'BUILDING')));
    expect(await survivors[0]!.adoptExpired()).toEqual([]);

    // The dead replica stopped renewing; the live one renews after its lease would have run out too.
    await orm.em
      .getConnection()
      .execute(`update deploy_claims set lease_until = now() - interval '1 second'`);
    expect((await alive.renew()).length).toBe(3);
    const adopted = (await Promise.all(survivors.map((s) => s.adoptExpired()))).flat();
    expect(adopted.map((d) => d.deployId).sort()).toEqual(ofDead.sort());
    expect(adopted.every((d) => d.status === 'BUILDING')).toBe(true);
    expect((await survivors[0]!.heldElsewhere()).length).toBeGreaterThanOrEqual(3);
  });

  it('presence: the first replica is alone, a second waits for its recovery and is not, and a dead one is gone', async () => {
    const log = () => {};
    const first = await Presence.join(url, log);
    expect(first.alone).toBe(true);
    let secondJoined = false;
    const second = Presence.join(url, log).then((joined) => {
      secondJoined = true;
      return joined;
    });
    // While the first recovers (holding the lock exclusively), the second cannot join.
    await sleep(300);
    expect(secondJoined).toBe(false);
    await first.presence.settle();
    expect((await second).alone).toBe(false);
    await first.presence.leave();
    // The second one still runs: a third is not alone either.
    const third = await Presence.join(url, log);
    expect(third.alone).toBe(false);
    await third.presence.leave();
    await (await second).presence.leave();

    // A replica killed without leaving (here a bare session holding the lock as a replica does):
    // PostgreSQL ends its session, and the lock with it.
    const killed = new pg.Client({ connectionString: url });
    killed.on('error', () => {});
    await killed.connect();
    await killed.query('select pg_advisory_lock_shared($1, 0)', [PRESENCE_LOCK]);
    const fourth = await Presence.join(url, log);
    expect(fourth.alone).toBe(false);
    await fourth.presence.leave();
    const pool = new pg.Pool({ connectionString: url });
    pools.push(pool);
    await pool.query('select pg_terminate_backend($1)', [
      (killed as unknown as { processID: number }).processID,
    ]);
    const fifth = await Presence.join(url, log);
    expect(fifth.alone).toBe(true);
    await fifth.presence.leave();
  });
});
