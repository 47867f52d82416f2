import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Duties, LEADER_LOCK, PgLeadership, SoleLeadership } from '../src/cluster/leadership.js';
import { eventually } from './support/harness.js';
import { onPostgres, testDatabaseUrl } from './support/test-database.js';

// Leadership of the background duties (cluster/leadership.ts). On PostgreSQL, several instances compete on
// one real database as control planes do; the lock they hold is read back from pg_locks.

/** Duties that record what was asked of them. */
function recording(): Duties & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start() {
      calls.push('start');
    },
    async stop() {
      calls.push('stop');
    },
  };
}

describe('on one control plane (SQLite)', () => {
  it('leads at once and runs the duties until stopped', async () => {
    const leadership = new SoleLeadership();
    const duties = recording();
    expect(leadership.isLeader).toBe(false);
    await leadership.start(duties);
    expect(leadership.isLeader).toBe(true);
    await leadership.stop();
    expect(leadership.isLeader).toBe(false);
    expect(duties.calls).toEqual(['start', 'stop']);
  });

  it('waits for an asynchronous start before stopping', async () => {
    const leadership = new SoleLeadership();
    const calls: string[] = [];
    await leadership.start({
      async start() {
        await new Promise((r) => setTimeout(r, 50));
        calls.push('started');
      },
      async stop() {
        calls.push('stopped');
      },
    });
    await leadership.stop();
    expect(calls).toEqual(['started', 'stopped']);
  });
});

describe.skipIf(!onPostgres)('between control planes on one PostgreSQL', () => {
  let url: string;
  let admin: pg.Client;
  const running: PgLeadership[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    url = (await testDatabaseUrl(`/leadership-${randomBytes(4).toString('hex')}`))!;
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((l) => l.stop()));
  });
  afterAll(async () => {
    await admin?.end();
  });

  function compete(retryMs = 100): PgLeadership {
    const leadership = new PgLeadership({ url, retryMs, log: (m) => logged.push(m) });
    running.push(leadership);
    return leadership;
  }

  /** The backends holding the leader lock in this database (at most one, or PostgreSQL is broken). */
  async function holders(): Promise<number[]> {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_locks
        where locktype = 'advisory' and granted and classid = $1 and objid = $2 and objsubid = 2
          and database = (select oid from pg_database where datname = current_database())`,
      [...LEADER_LOCK],
    );
    return rows.map((r) => r.pid);
  }

  async function leaderOf(...all: PgLeadership[]): Promise<PgLeadership> {
    return eventually(
      async () => {
        const leaders = all.filter((l) => l.isLeader);
        return leaders.length === 1 ? leaders[0] : undefined;
      },
      30_000,
      'one leader',
    );
  }

  it('lets exactly one lead, and hands over when the leader stops', async () => {
    const [a, b] = [compete(), compete()];
    const [dutiesA, dutiesB] = [recording(), recording()];
    await a.start(dutiesA);
    await b.start(dutiesB);
    expect(a.isLeader).toBe(true);
    expect(b.isLeader).toBe(false);
    expect(await holders()).toHaveLength(1);
    await eventually(async () => (dutiesA.calls.length === 1 ? true : undefined));
    // b keeps trying and keeps losing while a holds the lock.
    await new Promise((r) => setTimeout(r, 500));
    expect(b.isLeader).toBe(false);
    expect(dutiesB.calls).toEqual([]);

    await a.stop();
    expect(dutiesA.calls).toEqual(['start', 'stop']);
    expect(a.isLeader).toBe(false);
    await leaderOf(a, b);
    expect(b.isLeader).toBe(true);
    await eventually(async () => (dutiesB.calls.length === 1 ? true : undefined));
    expect(dutiesB.calls).toEqual(['start']);
    expect(await holders()).toHaveLength(1);

    await b.stop();
    expect(dutiesB.calls).toEqual(['start', 'stop']);
    expect(await holders()).toEqual([]);
  });

  it("takes over when the leader's connection dies, and the old leader stops its duties", async () => {
    // a would try again only after a minute, as a dead process never does: b is the one to take over.
    const [a, b] = [compete(60_000), compete()];
    const [dutiesA, dutiesB] = [recording(), recording()];
    await a.start(dutiesA);
    await b.start(dutiesB);
    expect(a.isLeader).toBe(true);
    const [pid] = await holders();
    // What a killed process looks like to the server: its backend goes, and the lock with it.
    await admin.query('select pg_terminate_backend($1)', [pid]);

    await eventually(async () => (b.isLeader && dutiesB.calls.length === 1 ? true : undefined));
    expect(dutiesB.calls).toEqual(['start']);
    await eventually(async () => (dutiesA.calls.length === 2 ? true : undefined));
    expect(dutiesA.calls).toEqual(['start', 'stop']);
    expect(a.isLeader).toBe(false);
    const [holder] = await holders();
    expect(holder).not.toBe(pid);
    expect(holder).toBeDefined();
    expect(logged.some((m) => m.includes('lost the leader lock'))).toBe(true);
  });

  it('leads again on its own when its connection dies and no one else competes', async () => {
    const a = compete();
    const duties = recording();
    await a.start(duties);
    const [pid] = await holders();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await eventually(async () => (duties.calls.length === 3 ? true : undefined));
    expect(duties.calls).toEqual(['start', 'stop', 'start']);
    expect(a.isLeader).toBe(true);
    expect(await holders()).toHaveLength(1);
  });

  it('stops the duties after a start that is still running, and leaves no connection behind', async () => {
    const a = compete();
    const calls: string[] = [];
    await a.start({
      async start() {
        await new Promise((r) => setTimeout(r, 200));
        calls.push('started');
      },
      async stop() {
        calls.push('stopped');
      },
    });
    await a.stop();
    expect(calls).toEqual(['started', 'stopped']);
    const { rows } = await admin.query(
      "select 1 from pg_stat_activity where datname = current_database() and application_name = 'launchpad leader'",
    );
    expect(rows).toEqual([]);
  });
});
