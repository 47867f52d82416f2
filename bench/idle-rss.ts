/**
 * Control-plane idle memory (npm run bench): starts the control plane both ways, side by side in one run:
 * from TypeScript sources through tsx (how production ran before server/dist) and compiled (server/dist, what
 * `npm start` and the image run now). Each waits until it serves /healthz, then sits idle; its resident set
 * is sampled from /proc after the settle time. Rounds alternate the two modes so machine load hits both.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
const SAMPLES = 10;
const ROOT = resolve(import.meta.dirname, '..');

const MODES = {
  'tsx (sources)': ['--import', 'tsx', 'server/src/main.ts'],
  'compiled (dist)': ['server/dist/main.js'],
} as const;
type Mode = keyof typeof MODES;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VmRSS and VmHWM (peak) of a process, in MB. */
async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function measure(mode: Mode) {
  const dataDir = await mkdtemp(join(tmpdir(), 'launchpad-bench-rss-'));
  const started = performance.now();
  const child = spawn(process.execPath, MODES[mode], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_HOST: '127.0.0.1',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: `lp-bench-rss-${randomBytes(4).toString('hex')}`,
      LAUNCHPAD_ADMIN_TOKEN: randomBytes(24).toString('hex'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    const url = await new Promise<string>((res, rej) => {
      const deadline = setTimeout(() => rej(new Error(`${mode} did not start in 60 s:\n${output}`)), 60_000);
      const onData = () => {
        const m = /Launchpad is running at (\S+)/.exec(output);
        if (m) {
          clearTimeout(deadline);
          res(m[1]!);
        }
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) => rej(new Error(`${mode} exited with ${code}:\n${output}`)));
    });
    const health = await fetch(`${url}/healthz`);
    if (health.status !== 200) throw new Error(`${mode}: /healthz answered ${health.status}`);
    const startMs = performance.now() - started;
    await sleep(SETTLE_MS);
    const samples: { rss: number; peak: number }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      samples.push(await memory(child.pid!));
      await sleep(200);
    }
    return {
      startMs,
      rss: median(samples.map((s) => s.rss)),
      peak: Math.max(...samples.map((s) => s.peak)),
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  execFileSync('bash', ['scripts/build-server.sh'], { cwd: ROOT, stdio: 'inherit' });
  const results = new Map<Mode, { startMs: number; rss: number; peak: number }[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of Object.keys(MODES) as Mode[]) {
      results.set(mode, [...(results.get(mode) ?? []), await measure(mode)]);
    }
  }
  console.log(`control plane idle after start (${ROUNDS} rounds, RSS sampled after ${SETTLE_MS} ms idle)`);
  for (const [mode, rs] of results) {
    console.log(
      `  ${mode.padEnd(16)} idle RSS median ${median(rs.map((r) => r.rss))
        .toFixed(1)
        .padStart(6)} MB` +
        `  peak ${median(rs.map((r) => r.peak))
          .toFixed(1)
          .padStart(6)} MB` +
        `  start -> /healthz median ${median(rs.map((r) => r.startMs))
          .toFixed(0)
          .padStart(5)} ms`,
    );
  }
  const rss = (mode: Mode) => median(results.get(mode)!.map((r) => r.rss));
  console.log(
    `ratio compiled / tsx (idle RSS median): ${(rss('compiled (dist)') / rss('tsx (sources)')).toFixed(2)}`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
