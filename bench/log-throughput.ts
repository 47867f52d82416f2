/**
 * Build log throughput benchmark (npm run bench; issue 15): a build printing BENCH_LINES short lines as fast
 * as it can, end to end through the real system (build container → docker attach and demux → LogSink →
 * SQLite → pub/sub → deployLog → graphql-ws) to a real graphql-ws subscriber in this process, which checks
 * that it got every line once, in order (seq 1, 2, 3, … and the build's own numbering).
 *
 * Side by side in one run: this tree's control plane and a baseline commit's (BENCH_BASELINE, default the
 * tree before the log pipeline was batched), each its own process as in production (NODE_ENV=production),
 * and the same printer in `docker run --rm` with its stdout read directly (the ceiling). Rounds alternate
 * between the three, so machine load hits all of them. Lines/s is counted from the first build line's
 * arrival to the last one's; the log holds at most 100,000 lines per deploy, so the default stays under it.
 * Writes the lines it prints to bench/results/log-throughput.txt. BENCH_CPU_PROF=<dir> profiles the servers;
 * BENCH_BASELINE=none runs this tree alone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { buildNetworkOf, removeInstanceObjects } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LINES = Number(process.env.BENCH_LINES ?? 90_000);
const BASELINE = process.env.BENCH_BASELINE ?? '1416dba';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const IMAGE = 'node:20-alpine';
const ROOT = resolve(import.meta.dirname, '..');

const LOG = /* GraphQL */ `
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq at stream text } }`;

/** Prints LINES numbered lines as fast as stdout takes them, then calls done(). */
const printer = `
let n = 0;
function more() {
  while (n < ${LINES}) {
    let out = '';
    for (let i = 0; i < 1000 && n < ${LINES}; i++) out += 'line ' + (++n) + '\\n';
    if (!process.stdout.write(out)) return process.stdout.once('drain', more);
  }
  process.stdout.write('', done);
}
more();`;

const publishDist = `
function done() {
  require('fs').mkdirSync('dist', { recursive: true });
  require('fs').writeFileSync('dist/index.html', 'done');
}`;

interface Round {
  linesPerSec: number;
  /** The control plane's CPU time (user + system) per delivered line, from request to the end of the log. */
  cpuUsPerLine?: number;
  /** Request (launchpad) or spawn (docker run) to the last line. */
  wallMs: number;
}

interface Server {
  label: string;
  url: string;
  token: string;
  pid: number;
  stop(): Promise<void>;
}

/** The baseline's sources, exported once into bench/results (git-ignored; node_modules resolve from the root). */
function exportBaseline(commit: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', `${commit}^{commit}`], { cwd: ROOT })
    .toString()
    .trim();
  const dir = join(ROOT, 'bench/results', `baseline-${sha}`);
  if (!existsSync(join(dir, 'server/src/main.ts'))) {
    execFileSync('mkdir', ['-p', dir]);
    const archive = execFileSync('git', ['archive', sha, 'package.json', 'tsconfig.json', 'server'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  }
  return dir;
}

async function startServer(label: string, root: string): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), 'launchpad-bench-logs-'));
  const network = `lp-bench-logs-${randomBytes(4).toString('hex')}`;
  const token = randomBytes(24).toString('hex');
  const profile = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_HOST: '127.0.0.1',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: network,
      LAUNCHPAD_BUILD_NETWORK: buildNetworkOf(network),
      LAUNCHPAD_ADMIN_TOKEN: token,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    await removeInstanceObjects(network);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((res, rej) => {
      const deadline = setTimeout(() => rej(new Error(`${label} did not start in 90 s:\n${output}`)), 90_000);
      child.stdout.on('data', () => {
        const m = /Launchpad is running at (\S+)/.exec(output);
        if (m) {
          clearTimeout(deadline);
          res(m[1]!);
        }
      });
      child.once('exit', (code) => rej(new Error(`${label} exited with ${code}:\n${output}`)));
    });
    return { label, url, token, pid: child.pid!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function gql(server: Server, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${server.label}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A zip site whose build runs the printer; its first deploy starts at once. */
async function createPrintingSite(server: Server): Promise<{ siteId: string; deployId: string }> {
  const slug = `bench-logs-${randomBytes(3).toString('hex')}`;
  const zip = await makeZip([['build.js', `${publishDist}\n${printer}`]]);
  const form = new FormData();
  form.set(
    'operations',
    JSON.stringify({
      query: 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
      variables: {
        input: {
          name: slug,
          slug,
          sourceType: 'ZIP',
          file: null,
          buildCommand: 'node build.js',
          outputDir: 'dist',
        },
      },
    }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'site.zip');
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${server.token}` },
    body: form,
  });
  const body = (await res.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(`${server.label}: ${JSON.stringify(body.errors)}`);
  return { siteId: body.data.createSite.id, deployId: body.data.createSite.deploys[0].id };
}

/**
 * Follows a deploy's log from seq 1 to its end; fails on any gap, repeat or build line out of order. Returns
 * the first and last build line's arrival times.
 */
function follow(client: Client, deployId: string): Promise<{ first: number; last: number; count: number }> {
  let seq = 0;
  let count = 0;
  let first = 0;
  let last = 0;
  return new Promise((resolve, reject) => {
    client.subscribe<{ deployLog: { seq: number; stream: string; text: string } }>(
      { query: LOG, variables: { id: deployId, after: 0 } },
      {
        next: (msg) => {
          const now = performance.now();
          if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
          const line = msg.data!.deployLog;
          if (line.seq !== ++seq) return reject(new Error(`seq ${line.seq} arrived where ${seq} was due`));
          if (line.stream !== 'STDOUT') return;
          if (line.text !== `line ${++count}`)
            return reject(new Error(`"${line.text}" arrived as line ${count}`));
          if (count === 1) first = now;
          last = now;
        },
        error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
        complete: () => resolve({ first, last, count }),
      },
    );
  });
}

const rate = (count: number, firstMs: number, lastMs: number) => (count - 1) / ((lastMs - firstMs) / 1000);

/** User + system CPU time of a process so far, in ms. */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

async function launchpadRound(server: Server): Promise<Round> {
  const cpuBefore = await cpuMs(server.pid);
  const start = performance.now();
  const { siteId, deployId } = await createPrintingSite(server);
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${server.token}` },
    retryAttempts: 0,
    lazy: true,
  });
  try {
    const { first, last, count } = await follow(client, deployId);
    if (count !== LINES) throw new Error(`${server.label}: ${count} of ${LINES} build lines arrived`);
    const cpuUsPerLine = (((await cpuMs(server.pid)) - cpuBefore) * 1000) / count;
    return { linesPerSec: rate(count, first, last), wallMs: last - start, cpuUsPerLine };
  } finally {
    await client.dispose();
    await gql(server, 'mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
  }
}

async function dockerRunRound(): Promise<Round> {
  const start = performance.now();
  const child = spawn('docker', ['run', '--rm', IMAGE, 'node', '-e', `function done() {}\n${printer}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let count = 0;
  let first = 0;
  let last = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    let n = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) n++;
    if (n === 0) return;
    const now = performance.now();
    if (count === 0) first = now;
    last = now;
    count += n;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0 || count !== LINES) throw new Error(`docker run: exit ${code}, ${count} lines`);
  return { linesPerSec: rate(count, first, last), wallMs: last - start };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const perSec = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(9)} lines/s`;

async function main(): Promise<void> {
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const servers = [
    ...(BASELINE === 'none' ? [] : [await startServer(`baseline ${BASELINE}`, exportBaseline(BASELINE))]),
    await startServer('this tree', ROOT),
  ];
  const rounds = new Map<string, Round[]>([['docker run', []]]);
  for (const server of servers) rounds.set(server.label, []);
  const loads: number[] = [];
  const failures: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      rounds.get('docker run')!.push(await dockerRunRound());
      for (const server of servers) {
        // A wrong log (a line lost, split or repeated) is reported as such, not measured.
        const result = await launchpadRound(server).catch((err: Error) => {
          failures.push(`  ${server.label}, round ${round + 1}: ${err.message}`);
          return null;
        });
        if (result) rounds.get(server.label)!.push(result);
      }
      loads.push(loadavg()[0]!);
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  const rateOf = (label: string) => median(rounds.get(label)!.map((r) => r.linesPerSec));
  const out = [
    `${LINES.toLocaleString('en-US')} lines printed as fast as possible, ${ROUNDS} rounds, medians ` +
      `(load average ${median(loads).toFixed(1)}, ${new Date().toISOString().slice(0, 10)}):`,
  ];
  for (const [label, rs] of rounds) {
    if (rs.length === 0) continue;
    const what = label === 'docker run' ? 'docker run, stdout pipe' : `${label}, build → deployLog`;
    out.push(
      `  ${what.padEnd(36)} ${perSec(rateOf(label))}   wall ${Math.round(median(rs.map((r) => r.wallMs)))} ms` +
        (rs[0]!.cpuUsPerLine === undefined
          ? ''
          : `   server CPU ${median(rs.map((r) => r.cpuUsPerLine!)).toFixed(0)} µs/line`) +
        `   runs ${rs.map((r) => perSec(r.linesPerSec).trim()).join(', ')}`,
    );
  }
  const measured = servers.filter((s) => rounds.get(s.label)!.length > 0);
  const [after, before] = measured.map((s) => rateOf(s.label)).reverse();
  const ours = measured.at(-1)?.label === 'this tree';
  if (ours) out.push(`  ratio this tree / docker run: ${(after! / rateOf('docker run')).toPrecision(2)}`);
  if (ours && before)
    out.push(`  ratio this tree / baseline ${BASELINE}: ${(after! / before).toPrecision(2)}`);
  if (failures.length > 0) out.push('rounds with a wrong log:', ...failures);
  console.log(out.join('\n'));
  await writeFile(join(ROOT, 'bench/results/log-throughput.txt'), `${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
