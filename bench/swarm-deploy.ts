/**
 * Swarm deploy benchmark (npm run bench; issue 16): deploy-to-serving time of the Swarm runtime
 * (LAUNCHPAD_RUNTIME=swarm: image built and pushed to a loopback registry, service created or rolled
 * start-first) side by side with the single-host driver (files switched under a running nginx container),
 * both in this process on the same engine. Per round and driver: a 100-file, 1 MB zip site from the
 * createSite mutation to the first 200 with its content, then a redeploy from the mutation until the new
 * content is served. Rounds alternate between the drivers, so machine load hits both; medians and ratios.
 *
 * "Served" is measured where each runtime serves: the single-host container's address on its bridge, and
 * for Swarm the running tasks' addresses on the overlay network (listed afresh at each poll, as Traefik's
 * provider lists them, through the test suite's forwarder container), so Traefik's own poll interval is not
 * part of the number. Needs docker-registry (apt-get install docker-registry); joins a single-node swarm
 * when the engine is in none and leaves it again afterwards. Results: bench/results/swarm-deploy.txt.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { siteServiceName } from '../server/src/runtime/swarm/service-spec.js';
import { docker, httpGet, type Launchpad, startLaunchpad } from '../server/test/support/harness.js';
import { registryBinary, startRegistry } from '../server/test/support/registry.js';
import { ensureSwarm, leaveSwarm, TaskClient } from '../server/test/support/swarm.js';
import { makeZip } from '../server/test/support/zip.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FILES = 100;
const TOTAL_BYTES = 1024 * 1024;
const ROOT = resolve(import.meta.dirname, '..');

async function siteZip(marker: string): Promise<Buffer> {
  const per = Math.floor(TOTAL_BYTES / FILES);
  const entries: [string, Buffer][] = [['index.html', Buffer.from(`<!doctype html><p>${marker}</p>`)]];
  for (let i = 1; i < FILES; i++) entries.push([`assets/${i % 10}/file-${i}.bin`, randomBytes(per)]);
  return makeZip(entries);
}

type Answer = { status: number; body: string };

/** Polls `get` until one of its answers is a 200 with `expect` in the body (120 s at most). */
async function until(get: () => Promise<Answer[]>, expect: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const answers = await get().catch(() => [] as Answer[]);
    if (answers.some((a) => a.status === 200 && a.body.includes(expect))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`"${expect}" not served within 120 s`);
}

interface Driver {
  label: string;
  lp: Launchpad;
  /** GET / of the site from every server its runtime runs for it now. */
  get(slug: string): Promise<Answer[]>;
  first: number[];
  redeploy: number[];
}

async function round(d: Driver, first: Buffer, second: Buffer): Promise<void> {
  const slug = `${d.lp.slugPrefix}-${randomBytes(3).toString('hex')}`;
  const start = performance.now();
  const res = await d.lp.upload(
    'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: first },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const siteId = res.data!.createSite.id as string;
  await until(() => d.get(slug), 'first');
  d.first.push(performance.now() - start);

  const again = performance.now();
  const re = await d.lp.upload(
    'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }',
    { id: siteId, file: null },
    { path: 'file', name: 'site.zip', content: second },
  );
  if (re.errors) throw new Error(JSON.stringify(re.errors));
  await until(() => d.get(slug), 'second');
  d.redeploy.push(performance.now() - again);
  await d.lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: siteId });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function main(): Promise<void> {
  if (!registryBinary())
    throw new Error('docker-registry is not installed (apt-get install docker-registry)');
  const swarm = await ensureSwarm(docker);
  const registry = await startRegistry();
  const single = await startLaunchpad();
  const swarmLp = await startLaunchpad({
    LAUNCHPAD_RUNTIME: 'swarm',
    LAUNCHPAD_REGISTRY: registry.address,
    // A short drain: the bench deletes each site right after its redeploy.
    LAUNCHPAD_SWARM_DRAIN: '1',
  });
  const client = await TaskClient.start(docker, {
    network: swarmLp.network,
    name: `${swarmLp.slugPrefix}-bench-client`,
    image: 'node:20-alpine',
    labels: { 'dev.launchpad.test': 'swarm-bench-client' },
  });
  const drivers: Driver[] = [
    {
      label: 'single-host Docker driver',
      lp: single,
      async get(slug) {
        const { ip } = await single.app.runtime.endpoint(slug);
        if (!ip) return [];
        const res = await httpGet(ip, '/', `${slug}.localhost`);
        return [{ status: res.status, body: res.body.toString() }];
      },
      first: [],
      redeploy: [],
    },
    {
      label: 'Swarm driver',
      lp: swarmLp,
      async get(slug) {
        // Every task that runs now, listed afresh (a rolling update has two for a moment).
        const tasks = await client.taskAddresses(siteServiceName(slug));
        return Promise.all(tasks.map((t) => client.getFrom(t, `${slug}.localhost`)));
      },
      first: [],
      redeploy: [],
    },
  ];
  const load: number[] = [];
  try {
    const first = await siteZip('first');
    const second = await siteZip('second');
    console.log(`archive: ${FILES} files, ${(first.length / 1024 / 1024).toFixed(1)} MB; ${ROUNDS} rounds`);
    for (let i = 0; i < ROUNDS; i++) {
      load.push(loadavg()[0]!);
      // Alternate which driver goes first, so neither always meets a quieter machine.
      const order = i % 2 === 0 ? drivers : [...drivers].reverse();
      for (const d of order) await round(d, first, second);
    }
  } finally {
    await client.stop();
    await single.cleanup();
    await swarmLp.cleanup();
    await registry.stop();
    await leaveSwarm(docker, swarm);
  }
  const [base, sw] = drivers as [Driver, Driver];
  const lines = [
    `swarm-deploy bench, ${new Date().toISOString()}, ${ROUNDS} rounds, ${FILES}-file ${TOTAL_BYTES / 1024 / 1024} MB zip, load average ${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`,
    '',
    ...drivers.flatMap((d) => [
      `${d.label.padEnd(26)} createSite -> first 200   median ${fmt(median(d.first))}   runs ${d.first.map(fmt).join(' ')}`,
      `${d.label.padEnd(26)} redeploy -> new content   median ${fmt(median(d.redeploy))}   runs ${d.redeploy.map(fmt).join(' ')}`,
    ]),
    '',
    `ratio swarm / single-host: first deploy ${(median(sw.first) / median(base.first)).toFixed(1)}, redeploy ${(median(sw.redeploy) / median(base.redeploy)).toFixed(1)}`,
  ];
  console.log(lines.join('\n'));
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(join(ROOT, 'bench/results/swarm-deploy.txt'), `${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
