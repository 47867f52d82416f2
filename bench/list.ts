/**
 * Site list benchmark (npm run bench): the exact queries the dashboard's Sites page sends (as the admin
 * token: every site; as a team member: the team's), over HTTP, against 1,000 sites with their deploys and
 * webhook deliveries written straight into the database (nothing built or served); median and p99. The
 * dashboard now asks for a page of sites (web/src/lib/sites-page.ts); the baseline's dashboard asked for
 * all of them, and is sent that. The same whole-list queries follow on both, so the list's own cost stays
 * measured, and a wider query adds every per-site relation the schema batches (currentDeploy, deploys,
 * webhookDeliveries), so a per-site query anywhere shows.
 *
 * Side by side in one run: this tree's control plane and a baseline commit's (BENCH_BASELINE, default the
 * list before queries ran compiled; `39af4fa` is the one before it loaded only the selected columns), each
 * its own process as in production (NODE_ENV=production, as the image sets), each on its own data dir seeded
 * with the same number of rows after it started (so start-up recovery finds nothing to serve). Rounds
 * alternate between the two, so machine load hits both. The client is this process; the servers' CPU time
 * per query is read from /proc.
 */
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { firstTeam } from '../server/src/accounts/teams.js';
import { openDatabase } from '../server/src/db/orm.js';
import { seedSites } from '../server/test/support/seed.js';
import { SiteSummaryFragmentDoc, SitesDocument, TeamSitesDocument } from '../web/src/gql/graphql.js';
import { SITES_PAGE } from '../web/src/lib/sites-page.js';
import { type BenchServer, cpuMs, exportBaseline, ROOT, startServer } from './support/servers.js';

const SITES = Number(process.env.BENCH_SITES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const BASELINE = process.env.BENCH_BASELINE ?? 'a5f3a14';
interface BenchQuery {
  query: string;
  /** What the baseline is sent instead, when it predates this query (its own dashboard's list query). */
  baselineQuery?: string;
  /** Variables for one server (its first team's id: each server seeds its own). */
  variables?: (server: Server) => Record<string, unknown>;
  /** The listed sites in the answer. */
  sites: (data: any) => unknown[] | undefined;
  /** How many sites the answer lists (on this tree; the baseline lists what its query asks for). */
  expect: number;
}
// The dashboard's card fields, in queries every version of the server answers: the whole list, no paging.
const SUMMARY = print(SiteSummaryFragmentDoc);
const WHOLE = `query Sites { sites { ...SiteSummary } } ${SUMMARY}`;
const WHOLE_TEAM = `query TeamSites($id: ID!) { team(id: $id) { id sites { ...SiteSummary } } } ${SUMMARY}`;
// The Sites page asks for one more than it shows, to learn whether there is a next page (web/src/lib/live-sites.ts).
const FIRST_PAGE = { first: SITES_PAGE + 1 };
const QUERIES: Record<string, BenchQuery> = {
  "Sites page as the dashboard sends it, admin token (query Sites: a page; the baseline's: every site)": {
    query: print(SitesDocument),
    baselineQuery: WHOLE,
    variables: () => FIRST_PAGE,
    sites: (d) => d?.sites,
    expect: SITES_PAGE + 1,
  },
  "Sites page as the dashboard sends it, a team member's (query TeamSites: a page; the baseline's: every site)":
    {
      query: print(TeamSitesDocument),
      baselineQuery: WHOLE_TEAM,
      variables: (server) => ({ id: server.teamId, ...FIRST_PAGE }),
      sites: (d) => d?.team?.sites,
      expect: SITES_PAGE + 1,
    },
  'every site, admin token (the same query on both)': { query: WHOLE, sites: (d) => d?.sites, expect: SITES },
  'every site of a team (the same query on both)': {
    query: WHOLE_TEAM,
    variables: (server) => ({ id: server.teamId }),
    sites: (d) => d?.team?.sites,
    expect: SITES,
  },
  'every batched relation': {
    query: /* GraphQL */ `{
      sites {
        id slug status
        currentDeploy { id status permalink }
        deploys(first: 1) { id number status }
        webhookDeliveries(first: 1) { id outcome }
      }
    }`,
    sites: (d) => d?.sites,
    expect: SITES,
  },
};

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;

interface Server extends BenchServer {
  /** The baseline commit's server (sent `baselineQuery` where a query has one). */
  baseline: boolean;
  /** The team the seeded sites belong to (the first team). */
  teamId: string;
}

async function startSeeded(label: string, root: string, baseline = false): Promise<Server> {
  const server = await startServer({ label, name: 'list', root });
  try {
    // Seeded after start-up, so recovery had no live site to bring back; the server reads them from now on.
    const orm = await openDatabase(server.dataDir);
    try {
      await seedSites(orm.em.fork(), SITES, { slugPrefix: 'bench-list' });
      return { ...server, baseline, teamId: (await firstTeam(orm.em.fork()))!.id };
    } finally {
      await orm.close();
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function run(server: Server, bench: BenchQuery): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(
      server.baseline && bench.baselineQuery
        ? { query: bench.baselineQuery, variables: bench.variables?.(server) ?? {} }
        : { query: bench.query, variables: bench.variables?.(server) ?? {} },
    ),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  const elapsed = performance.now() - start;
  const expected = server.baseline && bench.baselineQuery ? SITES : bench.expect;
  if (body.errors || bench.sites(body.data)?.length !== expected)
    throw new Error(`${server.label}: ${JSON.stringify(body.errors)}`);
  return elapsed;
}

async function main(): Promise<void> {
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  const servers = [
    await startSeeded(`baseline ${BASELINE}`, await exportBaseline(BASELINE), true),
    await startSeeded('this tree', ROOT),
  ];
  try {
    for (const [label, query] of Object.entries(QUERIES)) {
      const times = new Map<Server, number[]>(servers.map((s) => [s, []]));
      const cpu = new Map<Server, number>(servers.map((s) => [s, 0]));
      for (const server of servers) for (let i = 0; i < 5; i++) await run(server, query); // JIT, caches
      const loads: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const server of servers) {
          const before = await cpuMs(server.pid);
          times.get(server)!.push(await run(server, query));
          cpu.set(server, cpu.get(server)! + (await cpuMs(server.pid)) - before);
        }
        loads.push(loadavg()[0]!);
      }
      console.log(`${label}, ${SITES} sites, ${ROUNDS} rounds (load average ${median(loads).toFixed(1)}):`);
      for (const server of servers) {
        const ts = times.get(server)!;
        console.log(
          `  ${server.label.padEnd(18)} median ${fmt(median(ts))}, p99 ${fmt(p99(ts))}, ` +
            `server CPU ${fmt(cpu.get(server)! / ROUNDS)} per query`,
        );
      }
      const [before, after] = servers.map((s) => median(times.get(s)!));
      console.log(`  ratio this tree / baseline (median): ${(after! / before!).toFixed(2)}`);
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
