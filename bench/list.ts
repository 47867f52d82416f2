/**
 * Site list benchmark (npm run bench): 1,000 sites with their deploys and webhook deliveries written
 * straight into the database (nothing built or served), then the exact query the dashboard's Sites page
 * sends, timed over HTTP many times; median and p99. A second, wider query adds every per-site relation
 * the schema batches (currentDeploy, deploys, webhookDeliveries), so a per-site query anywhere shows.
 */
import { loadavg } from 'node:os';
import { print } from 'graphql';
import { startLaunchpad } from '../server/test/support/harness.js';
import { seedSites } from '../server/test/support/seed.js';
import { SitesDocument } from '../web/src/gql/graphql.js';

const SITES = Number(process.env.BENCH_SITES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WIDE = /* GraphQL */ `{
  sites {
    id slug status
    currentDeploy { id status permalink }
    deploys(first: 1) { id number status }
    webhookDeliveries(first: 1) { id outcome }
  }
}`;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

const lp = await startLaunchpad();
try {
  await seedSites(lp.app.orm.em.fork(), SITES, { slugPrefix: 'bench-list' });
  let cpu = 0;
  const run = async (query: string): Promise<number> => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const res = await lp.gql<{ sites: unknown[] }>(query);
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    cpu += (used.user + used.system) / 1000;
    if (res.errors || res.data?.sites.length !== SITES) throw new Error(JSON.stringify(res.errors));
    return elapsed;
  };
  for (const [label, query] of [
    ['Sites page (query Sites)', print(SitesDocument)],
    ['every batched relation', WIDE],
  ] as const) {
    for (let i = 0; i < 3; i++) await run(query); // warm-up: JIT, statement cache, page cache
    const times: number[] = [];
    cpu = 0;
    for (let i = 0; i < ROUNDS; i++) times.push(await run(query));
    // CPU time (client and server share this process) says more than wall time on a busy machine.
    console.log(
      `${label}, ${SITES} sites, ${ROUNDS} runs: median ${fmt(median(times))}, p99 ${fmt(p99(times))}, ` +
        `CPU ${fmt(cpu / ROUNDS)} per query (load average ${loadavg()[0]!.toFixed(1)})`,
    );
  }
} finally {
  await lp.cleanup();
}
