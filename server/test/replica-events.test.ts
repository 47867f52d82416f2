import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../src/domain/model.js';
import { PgEventLink } from '../src/events/pg-link.js';
import { createEventBus, type PubSub } from '../src/events/pubsub.js';
import { ReplicatedEventTarget } from '../src/events/replicated-target.js';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { onPostgres, testDatabaseUrl } from './support/test-database.js';

// Two control planes' event buses on one real PostgreSQL (LISTEN/NOTIFY): what one publishes, the other's
// subscribers get, in order and once, and its own subscribers get once too (no echo). Runs in the
// PostgreSQL pass of `npm test` (scripts/test.sh), where the server is there.
describe.skipIf(!onPostgres)('events between two replicas on one PostgreSQL', () => {
  let links: PgEventLink[] = [];
  let a: PubSub;
  let b: PubSub;

  beforeAll(async () => {
    const url = (await testDatabaseUrl(`/replica-events-${randomBytes(4).toString('hex')}`))!;
    links = await Promise.all([PgEventLink.open({ url }), PgEventLink.open({ url })]);
    a = createEventBus(new ReplicatedEventTarget(links[0]!));
    b = createEventBus(new ReplicatedEventTarget(links[1]!));
  });
  afterAll(async () => {
    await Promise.all(links.map((l) => l.close()));
  });

  /** Collects `count` events of one topic from a bus, or fails after a generous wait. */
  async function collect<T>(events: AsyncIterable<T>, count: number): Promise<T[]> {
    const got: T[] = [];
    const iterator = events[Symbol.asyncIterator]();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`got ${got.length} of ${count} events`)), 60_000).unref(),
    );
    while (got.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) break;
      got.push(next.value);
    }
    await iterator.return?.();
    return got;
  }

  it("delivers a build's log batches published on A to B's subscriber, every line, in order, once", async () => {
    const deployId = `d-${randomBytes(4).toString('hex')}`;
    // The sink publishes one event per committed batch (pipeline/log-sink.ts): 20,000 lines in 400 batches.
    const onB = collect(b.subscribe('deploy:log', deployId), 401);
    const onA = collect(a.subscribe('deploy:log', deployId), 401);
    const at = new Date();
    for (let batch = 0; batch < 400; batch++) {
      const lines = Array.from({ length: 50 }, (_, i): LogLine => {
        const seq = batch * 50 + i + 1;
        const text = seq === 10_000 ? `long ${'ü'.repeat(30_000)}` : `line ${seq}`;
        return { deployId, seq, at, stream: 'STDOUT', text };
      });
      a.publish('deploy:log', deployId, { lines });
      // In bursts, as a build's output arrives: yoga's subscriptions hold at most 1,024 undelivered events
      // (here on A; B gets them in NOTIFY batches of any size, which the link delivers in slices).
      if (batch % 100 === 99) await new Promise((r) => setImmediate(r));
    }
    a.publish('deploy:log', deployId, { end: true });
    const [fromA, fromB] = await Promise.all([onA, onB]);
    for (const got of [fromA, fromB]) {
      const lines = got.flatMap((e) => ('lines' in e ? e.lines : []));
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
      expect(lines[9_999]!.text).toHaveLength(30_005);
      expect(lines[0]!.at).toEqual(at);
      expect(got.at(-1)).toEqual({ end: true });
    }
  });

  it('sends each replica its own events once, not back again through the database', async () => {
    const siteId = `s-${randomBytes(4).toString('hex')}`;
    const onA = collect(a.subscribe('site:updated', siteId), 2);
    a.publish('site:updated', siteId, { id: siteId, name: 'one' } as never);
    b.publish('site:updated', siteId, { id: siteId, name: 'two' } as never);
    const got = await onA;
    expect(got.map((s) => (s as { name: string }).name).sort()).toEqual(['one', 'two']);
    // A third event proves nothing more was queued behind them (an echo of 'one' would come first).
    const next = collect(a.subscribe('site:updated', siteId), 1);
    b.publish('site:updated', siteId, { id: siteId, name: 'three' } as never);
    expect(((await next)[0] as { name: string }).name).toBe('three');
  });

  it("tells B's own subscribers once its listening connection is back after being cut", async () => {
    const url = (await testDatabaseUrl(`/replica-events-cut-${randomBytes(4).toString('hex')}`))!;
    const link = await PgEventLink.open({ url, log: () => {} });
    try {
      const bus = createEventBus(new ReplicatedEventTarget(link));
      const resumed = collect(bus.subscribe('link:resumed'), 1);
      // What a restarted or failed-over database does to the listener: its backend is gone.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = 'launchpad events listener' and datname = current_database()`,
        );
        expect(rowCount).toBe(1);
      } finally {
        await admin.end();
      }
      const [signal] = await resumed;
      expect(signal!.at).toBeGreaterThan(0);
      // And it listens again: an event from another replica arrives.
      const other = await PgEventLink.open({ url });
      try {
        const siteId = `s-${randomBytes(4).toString('hex')}`;
        const got = collect(bus.subscribe('site:updated', siteId), 1);
        createEventBus(new ReplicatedEventTarget(other)).publish('site:updated', siteId, {
          id: siteId,
        } as never);
        expect(((await got)[0] as { id: string }).id).toBe(siteId);
      } finally {
        await other.close();
      }
    } finally {
      await link.close();
    }
  });
});

describe.skipIf(!onPostgres)('two control planes on one PostgreSQL', () => {
  let planes: BareApp[] = [];
  beforeAll(async () => {
    const url = (await testDatabaseUrl(`/two-planes-${randomBytes(4).toString('hex')}`))!;
    planes = [
      await startBareApp({ LAUNCHPAD_DATABASE_URL: url }),
      await startBareApp({ LAUNCHPAD_DATABASE_URL: url }),
    ];
  });
  afterAll(async () => {
    await Promise.all(planes.map((p) => p.cleanup()));
  });

  it("tells a dashboard on B about a site created through A's API", async () => {
    const [a, b] = planes as [BareApp, BareApp];
    const client = b.ws();
    const seen: { name: string; status: string }[] = [];
    const arrived = (name: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} never arrived`)), 30_000);
        const check = setInterval(() => {
          if (seen.some((s) => s.name === name)) {
            clearTimeout(timer);
            clearInterval(check);
            resolve();
          }
        }, 20);
      });
    const stop = client.subscribe<{ siteUpdated: { name: string; status: string } }>(
      { query: 'subscription { siteUpdated { name status } }' },
      { next: (m) => m.data && seen.push(m.data.siteUpdated), error: () => {}, complete: () => {} },
    );
    const create = (plane: BareApp, name: string) =>
      plane.gql<{ createSite: { id: string } }>(
        'mutation($name: String!) { createSite(input: { name: $name, sourceType: ZIP }) { id } }',
        { name },
      );
    try {
      // A site made on B itself arrives once the subscription listens; from then on, one made on A must too.
      await create(b, 'Made on B');
      await arrived('Made on B');
      const created = await create(a, 'Made on A');
      expect(created.errors).toBeUndefined();
      await arrived('Made on A');
      expect(seen).toContainEqual({ name: 'Made on A', status: 'CREATED' });
      const listed = await b.gql<{ sites: { id: string }[] }>('{ sites { id } }');
      expect(listed.data!.sites.map((s) => s.id)).toContain(created.data!.createSite.id);
    } finally {
      stop();
      await client.dispose();
    }
  });
});
