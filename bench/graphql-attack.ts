/**
 * GraphQL attack benchmark (npm run bench), issue 17 acceptance 3: the control plane's RSS and a concurrent
 * simple query's latency while one authenticated client sends
 *   - nested: `sites { deploys { site { deploys … } } }` 50 levels deep;
 *   - aliases: 1,000 aliases of `deploys { logs { … } }` on one site;
 * before the API limits (the server as of BENCH_BASELINE, a commit without them, run from a `git archive`
 * of its server/ folder on today's node_modules) and after (this tree), side by side.
 *
 * Each (server, attack) pair gets a fresh server process on its own data dir holding one ZIP site with
 * DEPLOYS deploys. RSS is read from /proc every 100 ms; a probe query runs every 250 ms (5 s timeout) from
 * 2 s before the attack until it ends or ATTACK_WINDOW_MS passes, after which the server is killed (a
 * server without limits would keep working on the attack for minutes). Servers run with a 2 GB heap cap
 * so the "before" runs cannot take the shared machine down with them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeInstanceObjects } from '../server/test/support/harness.js';
import { makeZip } from '../server/test/support/zip.js';
import { type BenchServer, exportBaseline, ROOT, startServer } from './support/servers.js';

const BASELINE = process.env.BENCH_BASELINE ?? 'c42a833c4cfe8729b73a604cc31d205bc5003d74';
const ATTACK_WINDOW_MS = Number(process.env.BENCH_ATTACK_WINDOW_MS ?? 20_000);
const DEPLOYS = 4;

const ATTACKS: Record<string, (slug: string) => string> = {
  'nested 50 levels': () => `{ sites { ${'deploys { site { '.repeat(50)}id${' } }'.repeat(50)} } }`,
  '1,000 aliases of deploys { logs }': (slug) =>
    `{ site(slug: "${slug}") { ${Array.from({ length: 1000 }, (_, i) => `a${i}: deploys { logs { seq at stream text } }`).join(' ')} } }`,
};
const PROBE = '{ sites { id slug status } }';

/** A fresh server process of the tree at `root` on `dataDir`, with a 2 GB heap cap. */
const start = (root: string, dataDir: string, network: string) =>
  startServer({
    label: root === ROOT ? 'after' : 'before',
    name: 'attack',
    root,
    dataDir,
    network,
    nodeArgs: ['--max-old-space-size=2048'],
    // As it has always been measured: NODE_ENV as this process has it.
    production: false,
  });

/** The error it died of (the last line that mentions one), or its last line. */
function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => /error|heap/i.test(l))
      .pop()
      ?.slice(0, 160) ??
    text.trim().split('\n').pop() ??
    ''
  );
}

async function gql(server: BenchServer, query: string, variables = {}, timeoutMs = 5000): Promise<any> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return res.json();
}

/** One ZIP site with DEPLOYS deploys, each with its log, made through the API of `root`'s server. */
async function prepare(root: string, dataDir: string, network: string, slug: string): Promise<void> {
  const server = await start(root, dataDir, network);
  try {
    const zip = await makeZip([['index.html', '<p>attack bench</p>']]);
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
        variables: { input: { name: 'bench', slug, sourceType: 'ZIP', file: null } },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.set('0', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'site.zip');
    const created = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    }).then((r) => r.json() as Promise<any>);
    const id = created.data.createSite.id as string;
    for (let n = 1; n <= DEPLOYS; n++) {
      if (n > 1) await gql(server, 'mutation($id: ID!) { deploySite(id: $id) { id } }', { id });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res = await gql(server, 'query($id: ID!) { site(id: $id) { deploys(first: 1) { status } } }', {
          id,
        });
        const status = res.data.site.deploys[0]?.status;
        if (status === 'LIVE') break;
        if (status === 'FAILED' || Date.now() > deadline)
          throw new Error(`bench deploy ${n} did not go live: ${status}`);
        await sleep(200);
      }
    }
  } finally {
    await server.stop('SIGKILL');
  }
}

interface Measure {
  idleRssMb: number;
  peakRssMb: number;
  outcome: string;
  attackMs: number;
  probeMs: number[];
  probeFailures: number;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function measure(root: string, dataDir: string, network: string, attack: string): Promise<Measure> {
  const server = await start(root, dataDir, network);
  const pid = server.pid;
  let peak = 0;
  let alive = true;
  const sampler = (async () => {
    while (alive) {
      peak = Math.max(peak, await rssMb(pid));
      await sleep(100);
    }
  })();
  // Only probes sent while the attack runs count: the idle ones before it just warm the server.
  const probeMs: number[] = [];
  let probeFailures = 0;
  let probing = true;
  let attackStarted = Number.POSITIVE_INFINITY;
  const prober = (async () => {
    while (probing) {
      const t = performance.now();
      const counts = t >= attackStarted;
      try {
        const res = await gql(server, PROBE);
        if (!res.data?.sites) throw new Error('no data');
        if (counts) probeMs.push(performance.now() - t);
      } catch {
        if (counts) probeFailures++;
      }
      await sleep(250);
    }
  })();
  try {
    await gql(server, PROBE); // warm: JIT, database connection
    await sleep(2000);
    const idleRssMb = await rssMb(pid);
    peak = idleRssMb;
    const started = performance.now();
    attackStarted = started;
    const outcome = await Promise.race([
      gql(server, attack, {}, ATTACK_WINDOW_MS).then(
        (res) => (res.errors ? `refused: ${res.errors[0].extensions?.code}` : 'answered'),
        (err: Error) =>
          err.name === 'TimeoutError'
            ? `no answer in ${ATTACK_WINDOW_MS / 1000} s`
            : `failed: ${err.message}`,
      ),
      server.exited.then(
        (how) => `server died (${how === 'SIGKILL' ? 'killed' : `${how}: ${lastLine(server.output())}`})`,
      ),
    ]);
    const attackMs = performance.now() - started;
    if (attackMs < 2000) await sleep(2000 - attackMs); // keep probing a little after a fast refusal
    return { idleRssMb, peakRssMb: peak, outcome, attackMs, probeMs, probeFailures };
  } finally {
    probing = false;
    await prober;
    alive = false;
    await sampler;
    await server.stop('SIGKILL');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function row(label: string, m: Measure): string {
  const ms = (n: number) => (Number.isNaN(n) ? '   -  ' : `${n.toFixed(0).padStart(5)} ms`);
  return [
    label.padEnd(8),
    `RSS idle ${m.idleRssMb.toFixed(0).padStart(4)} MB  peak ${m.peakRssMb.toFixed(0).padStart(5)} MB`,
    `probe during attack p50 ${ms(quantile(m.probeMs, 0.5))} max ${ms(m.probeMs.length ? Math.max(...m.probeMs) : Number.NaN)} failed ${m.probeFailures}/${m.probeMs.length + m.probeFailures}`,
    `attack ${(m.attackMs / 1000).toFixed(2)} s: ${m.outcome}`,
  ].join(' | ');
}

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const network = `lp-bench-${id}`;
  const slug = `bench-attack-${id}`;
  const variants = [
    {
      label: 'before',
      root: await exportBaseline(BASELINE),
      dataDir: await mkdtemp(join(tmpdir(), 'launchpad-bench-')),
    },
    { label: 'after', root: ROOT, dataDir: await mkdtemp(join(tmpdir(), 'launchpad-bench-')) },
  ];
  try {
    for (const v of variants) await prepare(v.root, v.dataDir, network, slug);
    console.log(
      `one site with ${DEPLOYS} deploys; baseline ${BASELINE.slice(0, 12)}; attack window ${ATTACK_WINDOW_MS / 1000} s; probe ${PROBE}`,
    );
    for (const [name, attack] of Object.entries(ATTACKS)) {
      console.log(`-- ${name}`);
      for (const v of variants)
        console.log(row(v.label, await measure(v.root, v.dataDir, network, attack(slug))));
    }
  } finally {
    await removeInstanceObjects(network);
    for (const v of variants) await rm(v.dataDir, { recursive: true, force: true });
  }
}

await main();
