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
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { makeZip } from '../server/test/support/zip.js';
import { dockerRunFlood, floodPrinter, publishDist, rate } from './support/build-log.js';
import { type BenchServer, cpuMs, exportBaseline, gql, ROOT, startServer } from './support/servers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LINES = Number(process.env.BENCH_LINES ?? 90_000);
const BASELINE = process.env.BENCH_BASELINE ?? '1416dba';
const CPU_PROF = process.env.BENCH_CPU_PROF;

const LOG = /* GraphQL */ `
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq at stream text } }`;

const printer = floodPrinter(LINES);

interface Round {
  linesPerSec: number;
  /** The control plane's CPU time (user + system) per delivered line, from request to the end of the log. */
  cpuUsPerLine?: number;
  /** Request (launchpad) or spawn (docker run) to the last line. */
  wallMs: number;
}

const start = (label: string, root: string) =>
  startServer({
    label,
    name: 'logs',
    root,
    nodeArgs: CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF)}`] : [],
  });

/** A zip site whose build runs the printer; its first deploy starts at once. */
async function createPrintingSite(server: BenchServer): Promise<{ siteId: string; deployId: string }> {
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

async function launchpadRound(server: BenchServer): Promise<Round> {
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
  const { linesPerSec, toLastLineMs } = await dockerRunFlood(LINES);
  return { linesPerSec, wallMs: toLastLineMs };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const perSec = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(9)} lines/s`;

async function main(): Promise<void> {
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const servers = [
    ...(BASELINE === 'none' ? [] : [await start(`baseline ${BASELINE}`, await exportBaseline(BASELINE))]),
    await start('this tree', ROOT),
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
