/**
 * Build log benchmark (npm run bench), end to end through the real system: build container → docker attach
 * and demux → LogSink batching → SQLite → pub/sub → graphql-ws → a deployLog subscriber.
 *
 * 1. Latency: a build prints 10,000 lines `<seq> <Date.now()>` in small paced bursts (~2,000 lines/s for
 *    ~5 s, below saturation); the subscriber, connected before the build starts printing, computes
 *    arrival - printed for every STDOUT line (the container shares the host's clock). The line's `at`
 *    (stamped when LogSink took it) splits that into container → sink (attach + demux) and sink →
 *    subscriber (batch + SQLite + pub/sub + graphql-ws).
 * 2. Throughput: a build prints 100,000 short lines as fast as it can; lines/s from the first to the last
 *    line reaching the subscriber, and the wall time from createSite to the subscription completing.
 * 3. Baseline, alternating with (2): the same printer in `docker run --rm node:20-alpine node -e …`, lines
 *    counted on the CLI's stdout pipe. Ratio launchpad / baseline.
 *
 * The subscriber runs in this process, as does the server (harness), so both share one event loop.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { createBuildSite } from '../server/test/support/build-site.js';
import { type Launchpad, startLaunchpad } from '../server/test/support/harness.js';
import { dockerRunFlood, floodPrinter, publishDist, rate } from './support/build-log.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LATENCY_LINES = 10_000;
const BURST = 10; // lines per write
const BURST_EVERY_MS = 5; // 10,000 lines in ~5 s
const FLOOD_LINES = 100_000;

const LOG = /* GraphQL */ `
  subscription($id: ID!, $after: Int) { deployLog(deployId: $id, after: $after) { seq at stream text } }`;

interface Line {
  seq: number;
  at: string;
  stream: string;
  text: string;
}
interface Arrival {
  line: Line;
  /** Date.now() when the subscriber got it. */
  arrived: number;
}

/** Prints `<seq> <Date.now()>` in bursts of BURST lines every BURST_EVERY_MS, after a 1 s pause. */
const pacedPrinter = `
let n = 0;
function burst() {
  let out = '';
  for (let i = 0; i < ${BURST} && n < ${LATENCY_LINES}; i++) out += (++n) + ' ' + Date.now() + '\\n';
  process.stdout.write(out, () => (n < ${LATENCY_LINES} ? setTimeout(burst, ${BURST_EVERY_MS}) : done()));
}
setTimeout(burst, 1000);`;

const floodSource = floodPrinter(FLOOD_LINES);

function createPrintingSite(lp: Launchpad, name: string, printer: string) {
  return createBuildSite(
    lp,
    `${lp.slugPrefix}-${name}-${randomBytes(3).toString('hex')}`,
    `${publishDist}\n${printer}`,
  );
}

/** Every line of a deploy's log from seq 1, each stamped on arrival, until the subscription completes. */
function follow(client: Client, deployId: string): Promise<Arrival[]> {
  const arrivals: Arrival[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<{ deployLog: Line }>(
      { query: LOG, variables: { id: deployId, after: 0 } },
      {
        next: (msg) => {
          const arrived = Date.now();
          if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
          arrivals.push({ line: msg.data!.deployLog, arrived });
        },
        error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
        complete: () => resolve(arrivals),
      },
    );
  });
}

interface LatencyRound {
  total: number[];
  toSink: number[];
  sinkToClient: number[];
}

async function latencyRound(lp: Launchpad): Promise<LatencyRound> {
  const { siteId, deployId } = await createPrintingSite(lp, 'lat', pacedPrinter);
  const client = lp.ws();
  try {
    const arrivals = await follow(client, deployId);
    const out = arrivals.filter((a) => a.line.stream === 'STDOUT');
    if (out.length !== LATENCY_LINES)
      throw new Error(`latency: ${out.length} of ${LATENCY_LINES} lines arrived`);
    const round: LatencyRound = { total: [], toSink: [], sinkToClient: [] };
    out.forEach(({ line, arrived }, i) => {
      const [seq, printed] = line.text.split(' ').map(Number) as [number, number];
      if (seq !== i + 1) throw new Error(`latency: line ${i + 1} is "${line.text}"`);
      const sink = Date.parse(line.at);
      round.total.push(arrived - printed);
      round.toSink.push(sink - printed);
      round.sinkToClient.push(arrived - sink);
    });
    return round;
  } finally {
    await client.dispose();
    await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
  }
}

interface FloodRound {
  delivered: number;
  linesPerSec: number;
  /** createSite (launchpad) or spawn (baseline) to the end of the stream. */
  wallMs: number;
}

async function launchpadFlood(lp: Launchpad): Promise<FloodRound> {
  const start = performance.now();
  const { siteId, deployId } = await createPrintingSite(lp, 'flood', floodSource);
  const client = lp.ws();
  try {
    const out: number[] = [];
    const arrivals = await follow(client, deployId);
    const wallMs = performance.now() - start;
    for (const a of arrivals) if (a.line.stream === 'STDOUT') out.push(a.arrived);
    if (out.length < FLOOD_LINES * 0.99) throw new Error(`flood: only ${out.length} lines arrived`);
    return { delivered: out.length, linesPerSec: rate(out.length, out[0]!, out.at(-1)!), wallMs };
  } finally {
    await client.dispose();
    await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
  }
}

async function baselineFlood(): Promise<FloodRound> {
  const { linesPerSec, toCloseMs } = await dockerRunFlood(FLOOD_LINES);
  return { delivered: FLOOD_LINES, linesPerSec, wallMs: toCloseMs };
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();
const pct = (s: Float64Array, p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
const median = (xs: number[]) => pct(sorted(xs), 50);
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
const perSec = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(9)} lines/s`;

function percentileRow(label: string, xs: number[]): string {
  const s = sorted(xs);
  return `  ${label.padEnd(34)} ${[50, 90, 99].map((p) => ms(pct(s, p))).join(' ')} ${ms(s.at(-1)!)}`;
}

async function main(): Promise<void> {
  const lp = await startLaunchpad();
  const latency: LatencyRound[] = [];
  const flood: FloodRound[] = [];
  const hand: FloodRound[] = [];
  try {
    await lp.app.runtime.prepare();
    console.log(
      `${ROUNDS} rounds: latency ${LATENCY_LINES.toLocaleString('en-US')} lines (${BURST} every ${BURST_EVERY_MS} ms), ` +
        `throughput ${FLOOD_LINES.toLocaleString('en-US')} lines`,
    );
    for (let round = 0; round < ROUNDS; round++) {
      latency.push(await latencyRound(lp));
      // Alternate, so the baseline and Launchpad see the same machine state.
      hand.push(await baselineFlood());
      flood.push(await launchpadFlood(lp));
    }
  } finally {
    await lp.cleanup();
  }

  const all = (key: keyof LatencyRound) => latency.flatMap((r) => r[key]);
  console.log(`latency, printed in the build container -> subscriber (${all('total').length} lines)`);
  console.log(`  ${''.padEnd(34)} ${['p50', 'p90', 'p99', 'max'].map((h) => h.padStart(9)).join(' ')}`);
  console.log(percentileRow('end to end', all('total')));
  console.log(percentileRow('  container -> LogSink (attach)', all('toSink')));
  console.log(percentileRow('  LogSink -> subscriber (batch..ws)', all('sinkToClient')));
  console.log(`  p50 per round: ${latency.map((r) => ms(median(r.total)).trim()).join(', ')}`);

  const floodRate = median(flood.map((r) => r.linesPerSec));
  const handRate = median(hand.map((r) => r.linesPerSec));
  console.log(
    `throughput, ${FLOOD_LINES.toLocaleString('en-US')} lines printed as fast as possible (medians)`,
  );
  console.log(
    `  baseline  docker run, stdout pipe     ${perSec(handRate)}   wall ${ms(median(hand.map((r) => r.wallMs)))}` +
      `   runs ${hand.map((r) => perSec(r.linesPerSec).trim()).join(', ')}`,
  );
  console.log(
    `  launchpad build -> deployLog          ${perSec(floodRate)}   wall ${ms(median(flood.map((r) => r.wallMs)))}` +
      `   runs ${flood.map((r) => perSec(r.linesPerSec).trim()).join(', ')}`,
  );
  const delivered = Math.min(...flood.map((r) => r.delivered));
  if (delivered < FLOOD_LINES) {
    console.log(
      `  (launchpad kept ${delivered.toLocaleString('en-US')} build lines: the log holds at most 100,000 lines per deploy, system lines included)`,
    );
  }
  console.log(
    `ratio launchpad / baseline (lines/s): ${(floodRate / handRate).toPrecision(2)} ` +
      `(the baseline is ${Math.round(handRate / floodRate)}x faster)`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
