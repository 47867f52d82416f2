/**
 * Control-plane idle memory (npm run bench): starts the control plane both ways, side by side in one run:
 * from TypeScript sources through tsx (how production ran before server/dist) and compiled (server/dist, what
 * `npm start` and the image run now). Each waits until it serves /healthz, then sits idle; its resident set
 * is sampled from /proc after the settle time. Rounds alternate the two modes so machine load hits both.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { ROOT, startServer } from './support/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
const SAMPLES = 10;

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
  const started = performance.now();
  const server = await startServer({
    label: mode,
    name: 'rss',
    entry: [...MODES[mode]],
    startTimeoutMs: 60_000,
  });
  try {
    const health = await fetch(`${server.url}/healthz`);
    if (health.status !== 200) throw new Error(`${mode}: /healthz answered ${health.status}`);
    const startMs = performance.now() - started;
    await sleep(SETTLE_MS);
    const samples: { rss: number; peak: number }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      samples.push(await memory(server.pid));
      await sleep(200);
    }
    return {
      startMs,
      rss: median(samples.map((s) => s.rss)),
      peak: Math.max(...samples.map((s) => s.peak)),
    };
  } finally {
    await server.stop();
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
