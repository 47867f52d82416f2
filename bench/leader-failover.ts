/**
 * Leader failover benchmark (npm run bench): how long the background duties go unrun when the leading
 * control plane dies (issue 16, server/src/cluster/leadership.ts). Each round a child process takes
 * leadership on a PostgreSQL database and says so; this process competes as a second replica with the
 * default retry interval; then the child is killed with SIGKILL (a crash: the server frees the lock when the
 * connection closes) or told to stop with SIGTERM (a clean stop: it unlocks), and the time until this
 * process's duties start is measured. Median and max per way of dying. Needs a PostgreSQL server it may
 * create a database on: LAUNCHPAD_TEST_POSTGRES_URL, or the one scripts/ensure-postgres.sh starts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { PgLeadership, RETRY_MS } from '../server/src/cluster/leadership.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

if (process.argv[2] === 'child') {
  // The leader: leads, says so, and on SIGTERM stops as app.stop() does.
  const leadership = new PgLeadership({ url: process.argv[3]!, log: () => {} });
  await leadership.start({ start: () => console.log('leading'), stop: async () => {} });
  if (!leadership.isLeader) console.log('not leading');
  process.on('SIGTERM', () => void leadership.stop().then(() => process.exit(0)));
  setInterval(() => {}, 60_000);
} else {
  await main();
}

async function main(): Promise<void> {
  const admin =
    process.env.LAUNCHPAD_TEST_POSTGRES_URL ??
    execFileSync('bash', ['scripts/ensure-postgres.sh'], { encoding: 'utf8' }).trim();
  const name = `lp_bench_failover_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const results: Record<string, number[]> = { SIGKILL: [], SIGTERM: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        results[signal]!.push(await failover(url.toString(), signal));
      }
    }
    console.log(
      `leader failover, ${ROUNDS} rounds, retry interval ${RETRY_MS} ms (load ${loadavg()[0]!.toFixed(1)})`,
    );
    for (const [signal, ms] of Object.entries(results)) {
      const sorted = [...ms].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      console.log(
        `  ${signal.padEnd(8)} median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
  }
}

/** One round: the child leads, this process competes, the child dies by `signal`; ms until this one leads. */
async function failover(url: string, signal: 'SIGKILL' | 'SIGTERM'): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  if (first !== 'leading') throw new Error(`the child did not lead: ${first}`);
  let ledAt = 0;
  const follower = new PgLeadership({ url, log: () => {} });
  const led = new Promise<void>((resolve) => {
    void follower.start({
      start() {
        ledAt = performance.now();
        resolve();
      },
      stop: async () => {},
    });
  });
  // Let the follower lose once, so it sits somewhere in its retry interval as a real replica would.
  await new Promise((r) => setTimeout(r, Math.random() * RETRY_MS + 100));
  if (follower.isLeader) throw new Error('two leaders');
  const exited = new Promise((r) => child.once('exit', r));
  const killedAt = performance.now();
  child.kill(signal);
  await led;
  await exited;
  await follower.stop();
  return ledAt - killedAt;
}
