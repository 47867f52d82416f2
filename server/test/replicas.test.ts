import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Knex, knex } from '@mikro-orm/knex';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_LABEL, SITE_LABEL } from '../src/runtime/labels.js';
import { siteContainerName } from '../src/runtime/site-containers.js';
import {
  buildNetworkOf,
  docker,
  eventually,
  graphqlWsClient,
  httpGet,
  removeInstanceObjects,
} from './support/harness.js';
import { spawnServer } from './support/spawn-server.js';
import { onPostgres, testDatabaseUrl } from './support/test-database.js';
import { makeZip } from './support/zip.js';

// Acceptance 2 of issue 16: two control planes (the real entry point, twice) on one PostgreSQL, one Docker
// engine and one data dir. Deploys queued through both APIs run exactly once (seen in their logs, in the
// engine's events and in the rows), a log subscriber on either replica follows a build the other one runs,
// and a replica SIGKILLed mid-build has its deploy failed by the other within the lease, while the site
// keeps serving. Runs in the PostgreSQL pass of `npm test` (scripts/test.sh).

const TOKEN = 'replicas-token-0123456789abcdef';
/** Small, so that adopting a dead replica's deploy takes seconds (the default is 30). */
const LEASE_SECONDS = 6;
const INTERRUPTED = 'interrupted: the control plane running it stopped';

interface Replica {
  name: 'A' | 'B';
  child: ChildProcess;
  url: string;
}

interface Line {
  seq: number;
  stream: string;
  text: string;
}

interface DeployRow {
  id: string;
  number: number;
  status: string;
  error: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
}

/** A build container event from the engine's stream (docker system events). */
interface BuildEvent {
  action: string;
  deployId: string;
  siteId: string;
  time: bigint;
}

const SETTLED = ['LIVE', 'SUPERSEDED', 'FAILED', 'CANCELLED'];
const SITES_QUERY = /* GraphQL */ `
  { sites { id slug status deploys(first: 50) { id number status error startedAt finishedAt } } }`;
const LOG_QUERY = /* GraphQL */ `
  query($id: ID!, $after: Int) { deploy(id: $id) { logs(after: $after, first: 5000) { seq stream text } } }`;
const LOG_SUBSCRIPTION = /* GraphQL */ `
  subscription($id: ID!) { deployLog(deployId: $id) { seq stream text } }`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
}, 120_000);

async function gql(replica: Replica, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await res.json()) as { data?: any; errors?: unknown[] };
  if (answer.errors) throw new Error(`${replica.name}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** A GraphQL multipart request with one zip at `variables.<path>`, as the dashboard uploads. */
async function upload(
  replica: Replica,
  query: string,
  variables: Record<string, unknown>,
  path: string,
  zip: Buffer,
) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables }));
  form.set('map', JSON.stringify({ 0: [`variables.${path}`] }));
  form.set('0', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'site.zip');
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  const answer = (await res.json()) as { data?: any; errors?: unknown[] };
  if (answer.errors) throw new Error(`${replica.name}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/**
 * A zip site whose build prints the zip's marker.txt and publishes the zip as it is. The build lasts half a
 * second, so that two builds of one site running at once would overlap in the engine's events too.
 */
async function createMarkerSite(replica: Replica, slug: string, marker?: string): Promise<string> {
  const input = {
    name: slug,
    slug,
    sourceType: 'ZIP',
    buildCommand: 'cat marker.txt && sleep 0.5',
    outputDir: '.',
    buildCache: false,
  };
  const query = 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }';
  const created =
    marker === undefined
      ? await gql(replica, query, { input })
      : await upload(
          replica,
          query,
          { input: { ...input, file: null } },
          'input.file',
          await markerZip(marker),
        );
  return created.createSite.id;
}

function markerZip(marker: string): Promise<Buffer> {
  return makeZip([
    ['marker.txt', marker],
    ['index.html', marker],
  ]);
}

/** deploySite with a new archive: each deploy carries its own marker. */
async function deployMarker(replica: Replica, siteId: string, marker: string): Promise<DeployRow> {
  const data = await upload(
    replica,
    'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id number status error } }',
    { id: siteId, file: null },
    'file',
    await markerZip(marker),
  );
  return data.deploySite;
}

/** Every stored line of a deploy, oldest first. */
async function storedLog(replica: Replica, deployId: string): Promise<Line[]> {
  const lines: Line[] = [];
  for (;;) {
    const page = (await gql(replica, LOG_QUERY, { id: deployId, after: lines.at(-1)?.seq ?? 0 })).deploy
      .logs as Line[];
    lines.push(...page);
    if (page.length < 5000) return lines;
  }
}

/** Collects a deployLog subscription until the server completes it (the deploy's log is complete). */
function follow(client: Client, deployId: string): Promise<Line[]> {
  const lines: Line[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<{ deployLog: Line }>(
      { query: LOG_SUBSCRIPTION, variables: { id: deployId } },
      {
        next: (msg) => {
          if (msg.errors) reject(new Error(JSON.stringify(msg.errors)));
          else lines.push(msg.data!.deployLog);
        },
        error: reject,
        complete: () => resolve(lines),
      },
    );
  });
}

/** The site's answer to `/` from its container, as Traefik reaches it. */
async function siteAddress(slug: string, network: string): Promise<string> {
  const info = await docker.getContainer(siteContainerName(slug)).inspect();
  return info.NetworkSettings.Networks[network]!.IPAddress;
}

/** Records the engine's events of build containers from now on (create, start, die, destroy). */
async function watchBuildContainers(): Promise<{ events: BuildEvent[]; stop(): void }> {
  const events: BuildEvent[] = [];
  const stream = (await docker.getEvents({
    filters: { type: ['container'], event: ['create', 'start', 'die', 'destroy'], label: [BUILD_LABEL] },
  })) as NodeJS.ReadableStream & { destroy(): void };
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
      if (!line) continue;
      const event = JSON.parse(line);
      const labels = event.Actor?.Attributes ?? {};
      events.push({
        action: event.Action,
        deployId: labels[BUILD_LABEL],
        siteId: labels[SITE_LABEL],
        time: BigInt(event.timeNano),
      });
    }
  });
  stream.on('error', () => {});
  return { events, stop: () => stream.destroy() };
}

/** `<hostname>/<pid>/<random>` → pid. */
const ownerPid = (owner: string) => Number(owner.split('/').at(-2));

describe.skipIf(!onPostgres)('two control planes on one PostgreSQL and one engine', () => {
  let dataDir: string;
  let network: string;
  let db: Knex;
  const replicas: Replica[] = [];
  /** Every site this file made: their build containers are removed at the end, whoever ran them. */
  const siteIds: string[] = [];
  let prefix: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'launchpad-replicas-'));
    network = `lp-test-${randomBytes(4).toString('hex')}`;
    prefix = `rp${randomBytes(3).toString('hex')}`;
    cleanups.push(async () => {
      const builds = await docker.listContainers({ all: true, filters: { label: [BUILD_LABEL] } });
      for (const c of builds.filter((c) => siteIds.includes(c.Labels[SITE_LABEL]!)))
        await docker
          .getContainer(c.Id)
          .remove({ force: true })
          .catch(() => {});
      await removeInstanceObjects(network);
      await rm(dataDir, { recursive: true, force: true });
    });
    const env = {
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: network,
      LAUNCHPAD_BUILD_NETWORK: buildNetworkOf(network),
      LAUNCHPAD_ADMIN_TOKEN: TOKEN,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
      LAUNCHPAD_BUILD_CONCURRENCY: '2',
      LAUNCHPAD_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    // One after the other, as an operator adds a replica: the first one makes the networks both use.
    // spawnServer gives both the database of the shared data dir (support/test-database.ts).
    for (const name of ['A', 'B'] as const) {
      const { child, url } = await spawnServer(env);
      const replica = { name, child, url };
      replicas.push(replica);
      cleanups.push(async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        child.kill('SIGKILL');
      });
    }
    db = knex({ client: 'pg', connection: (await testDatabaseUrl(dataDir))!, pool: { min: 0, max: 2 } });
    cleanups.push(() => db.destroy());
  }, 300_000); // two server starts that compile the sources on a loaded machine

  it('gives a deployLog subscriber on either replica every line, in order and once, of a build the other runs', async () => {
    const [a, b] = replicas as [Replica, Replica];
    // 3,000 numbered lines over about three seconds: most of them arrive live, not from the replay.
    const script = `
let n = 0;
function chunk() {
  let out = '';
  for (let i = 0; i < 100; i++) out += 'line ' + (++n) + '\\n';
  process.stdout.write(out, () => {
    if (n < 3000) setTimeout(chunk, 100);
    else { require('fs').mkdirSync('dist'); require('fs').writeFileSync('dist/index.html', 'done'); }
  });
}
chunk();`;
    const slug = `${prefix}-log`;
    const created = await upload(
      a,
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id deploys { id } } }',
      {
        input: {
          name: slug,
          slug,
          sourceType: 'ZIP',
          file: null,
          buildCommand: 'node build.js',
          outputDir: 'dist',
          buildCache: false,
        },
      },
      'input.file',
      await makeZip([['build.js', script]]),
    );
    siteIds.push(created.createSite.id);
    const deployId = created.createSite.deploys[0].id as string;
    // One replica runs the build: the subscriber on the other one follows it across replicas, whichever
    // it is (both subscribe, both must get the same complete log).
    const clients = [graphqlWsClient(a.url, TOKEN), graphqlWsClient(b.url, TOKEN)];
    try {
      const [onA, onB] = await Promise.all(clients.map((c) => follow(c, deployId)));
      const stored = await storedLog(b, deployId);
      const numbered = Array.from({ length: 3000 }, (_, i) => `line ${i + 1}`);
      expect(stored.filter((l) => l.stream === 'STDOUT').map((l) => l.text)).toEqual(numbered);
      expect(stored.map((l) => l.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
      expect(onA).toEqual(stored);
      expect(onB).toEqual(stored);
      const deploy = (await gql(b, 'query($id: ID!) { deploy(id: $id) { status } }', { id: deployId }))
        .deploy;
      expect(deploy.status).toBe('LIVE');
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  }, 180_000);

  it('runs 40 deploys queued through both APIs each exactly once: logs, engine and rows agree', async () => {
    const [a, b] = replicas as [Replica, Replica];
    // Four sites, ten rounds of one deploy each; in every round two go through A and two through B, and
    // each site alternates between them (20 through each API). A newer deploy of a site replaces its
    // waiting ones, so which of them run depends on timing: the invariant is checked per deploy.
    const sites: { id: string; slug: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const slug = `${prefix}-q${i}`;
      const id = await createMarkerSite(replicas[i % 2]!, slug);
      siteIds.push(id);
      sites.push({ id, slug });
    }
    const watch = await watchBuildContainers();
    cleanups.push(async () => watch.stop());

    // Who holds each deploy while it runs (deploy_claims.owner), sampled until everything settled.
    const owners = new Map<string, Set<string>>();
    let sampling = true;
    let samplingError: unknown = null;
    const sampler = (async () => {
      while (sampling) {
        try {
          const rows = await db('deploy_claims')
            .join('deploys', 'deploys.id', 'deploy_claims.deploy_id')
            .whereIn('deploys.status', ['BUILDING', 'PUBLISHING'])
            .select('deploys.id as id', 'deploy_claims.owner as owner');
          for (const { id, owner } of rows as { id: string; owner: string }[])
            owners.set(id, (owners.get(id) ?? new Set()).add(owner));
        } catch (err) {
          samplingError = err;
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const queued: (DeployRow & { siteId: string; marker: string; via: string; label: string })[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = await Promise.all(
        sites.map(async (site, i) => {
          const via = replicas[(i + round) % 2]!;
          const marker = `marker-${site.slug}-${round}-${randomBytes(4).toString('hex')}`;
          const deploy = await deployMarker(via, site.id, marker);
          return { ...deploy, siteId: site.id, marker, via: via.name, label: `${site.slug} round ${round}` };
        }),
      );
      queued.push(...batch);
    }
    expect(queued.filter((d) => d.via === 'A')).toHaveLength(20);
    expect(new Set(queued.map((d) => d.id)).size).toBe(40);

    const final = await eventually(
      async () => {
        const listed = (await gql(b, SITES_QUERY)).sites as {
          id: string;
          status: string;
          deploys: DeployRow[];
        }[];
        const ours = listed.filter((s) => sites.some((site) => site.id === s.id));
        const rows = new Map(ours.flatMap((s) => s.deploys).map((d) => [d.id, d]));
        const done =
          ours.every((s) => s.status !== 'DEPLOYING') &&
          queued.every((d) => SETTLED.includes(rows.get(d.id)?.status ?? ''));
        return done ? rows : undefined;
      },
      240_000,
      'all 40 deploys to settle',
    );
    // Every container the engine made is gone again before its deploy settled; the stream may lag.
    await eventually(
      async () => {
        const created = watch.events.filter((e) => e.action === 'create').length;
        const destroyed = watch.events.filter((e) => e.action === 'destroy').length;
        return created === destroyed ? true : undefined;
      },
      30_000,
      'every build container to be destroyed',
    );
    sampling = false;
    await sampler;

    const problems: string[] = [];
    for (const deploy of queued) {
      const row = final.get(deploy.id)!;
      const log = await storedLog(a, deploy.id);
      const markers = log.filter((l) => l.text.includes(deploy.marker)).length;
      const starts = log.filter((l) => l.stream === 'SYSTEM' && / started \(/.test(l.text)).length;
      const builds = log.filter((l) => l.stream === 'SYSTEM' && l.text.startsWith('running `')).length;
      const creates = watch.events.filter((e) => e.action === 'create' && e.deployId === deploy.id).length;
      const what = `#${row.number} (${deploy.label}, via ${deploy.via}, ${row.status})`;
      if (row.status === 'LIVE' || row.status === 'SUPERSEDED') {
        if (markers !== 1) problems.push(`${what}: marker printed ${markers} times`);
        if (starts !== 1) problems.push(`${what}: started ${starts} times`);
        if (builds !== 1) problems.push(`${what}: build command ran ${builds} times`);
        if (creates !== 1) problems.push(`${what}: ${creates} build containers`);
      } else if (row.status === 'CANCELLED') {
        const by = /replaced by deploy #(\d+)/.exec(row.error ?? '');
        if (!by || Number(by[1]) <= row.number) problems.push(`${what}: cancelled by "${row.error}"`);
        if (markers + starts + builds + creates !== 0)
          problems.push(`${what}: cancelled, yet ran (${creates} build containers, ${markers} markers)`);
      } else problems.push(`${what}: ${row.error}`);
    }
    // The newest deploy of each site is the one it serves.
    for (const site of sites) {
      const newest = queued.filter((d) => d.siteId === site.id).at(-1)!;
      const row = final.get(newest.id)!;
      if (row.status !== 'LIVE')
        problems.push(`newest deploy #${row.number} of ${site.slug} is ${row.status}`);
      const served = await httpGet(await siteAddress(site.slug, network), '/', `${site.slug}.localhost`);
      if (served.body.toString() !== newest.marker)
        problems.push(`${site.slug} serves ${JSON.stringify(served.body.toString())}`);
    }
    // At most one deploy of a site at once, across both replicas (the site's database lock): from the
    // rows (a deploy starts when it leaves QUEUED and is cleaned up when it ends) and from the engine.
    for (const site of sites) {
      const ran = queued
        .map((d) => final.get(d.id)!)
        .filter((d) => d.startedAt && queued.find((q) => q.id === d.id)!.siteId === site.id)
        .sort((x, y) => x.startedAt!.localeCompare(y.startedAt!));
      for (let i = 1; i < ran.length; i++) {
        if (!ran[i - 1]!.finishedAt || ran[i]!.startedAt! < ran[i - 1]!.finishedAt!)
          problems.push(`${site.slug}: #${ran[i]!.number} started while #${ran[i - 1]!.number} ran`);
      }
    }
    for (const site of sites) {
      const events = watch.events
        .filter((e) => e.siteId === site.id && (e.action === 'start' || e.action === 'die'))
        .sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
      const running = new Set<string>();
      for (const e of events) {
        if (e.action === 'die') running.delete(e.deployId);
        else if (running.add(e.deployId).size > 1)
          problems.push(`${site.slug}: builds of ${[...running].join(' and ')} ran at once`);
      }
    }
    expect(problems).toEqual([]);
    expect(watch.events.filter((e) => e.action === 'create').length).toBeGreaterThanOrEqual(4);

    // Each deploy that ran had one owner, a process of one of the two replicas; both replicas ran some.
    expect(samplingError).toBeNull();
    const pids = new Set<number>();
    for (const [id, seen] of owners) {
      if (!queued.some((d) => d.id === id)) continue;
      expect([...seen], `owners of ${id}`).toHaveLength(1);
      pids.add(ownerPid([...seen][0]!));
    }
    expect([...pids].sort()).toEqual([a.child.pid, b.child.pid].sort());
  }, 420_000);

  it('fails the deploy of a SIGKILLed replica from the other one within the lease, and the site keeps serving', async () => {
    const [a] = replicas as [Replica, Replica];
    const slug = `${prefix}-kill`;
    const siteId = await createMarkerSite(a, slug, 'first');
    siteIds.push(siteId);
    await eventually(
      async () => {
        const site = (await gql(a, 'query($id: ID!) { site(id: $id) { status } }', { id: siteId })).site;
        if (site.status === 'FAILED') throw new Error('the first deploy failed');
        return site.status === 'LIVE' ? true : undefined;
      },
      120_000,
      'the site to be live',
    );
    const ip = await siteAddress(slug, network);
    const host = `${slug}.localhost`;
    expect((await httpGet(ip, '/', host)).body.toString()).toBe('first');

    // Requests one after the other from now until the site serves its next deploy.
    let answered = 0;
    const failures: string[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        try {
          const res = await httpGet(ip, '/', host);
          if (res.status === 200) answered++;
          else failures.push(`status ${res.status}`);
        } catch (err) {
          failures.push(String(err));
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    try {
      await gql(
        a,
        'mutation($id: ID!) { updateSite(id: $id, input: { buildCommand: "sleep 600" }) { id } }',
        {
          id: siteId,
        },
      );
      const stuck = (await gql(a, 'mutation($id: ID!) { deploySite(id: $id) { id } }', { id: siteId }))
        .deploySite.id as string;
      // Building, in its container, owned by one replica: that one is killed, the other must take over.
      const owner = await eventually(
        async () => {
          const row = await db('deploys')
            .leftJoin('deploy_claims', 'deploy_claims.deploy_id', 'deploys.id')
            .where('deploys.id', stuck)
            .first('deploys.status as status', 'deploy_claims.owner as owner');
          if (row?.status !== 'BUILDING' || !row.owner) return undefined;
          const list = await docker.listContainers({ filters: { name: [`launchpad-build-${stuck}`] } });
          return list.length ? (row.owner as string) : undefined;
        },
        120_000,
        'the deploy to build in its container',
      );
      const victim = replicas.find((r) => r.child.pid === ownerPid(owner))!;
      expect(victim, `owner ${owner}`).toBeDefined();
      const survivor = replicas.find((r) => r !== victim)!;
      const exited = new Promise((r) => victim.child.once('exit', r));
      victim.child.kill('SIGKILL');
      await exited;

      // Adopted within the lease and a third of it; the bound here is only generous.
      const failed = await eventually(
        async () => {
          const d = (
            await gql(survivor, 'query($id: ID!) { deploy(id: $id) { status error } }', { id: stuck })
          ).deploy;
          return d.status === 'BUILDING' ? undefined : d;
        },
        LEASE_SECONDS * 1000 + 60_000,
        'the other replica to end the deploy',
      );
      expect(failed).toEqual({ status: 'FAILED', error: INTERRUPTED });
      await eventually(
        async () => {
          const list = await docker.listContainers({
            all: true,
            filters: { name: [`launchpad-build-${stuck}`] },
          });
          return list.length === 0 ? true : undefined;
        },
        30_000,
        'the build container to be removed',
      );
      expect(await stat(join(dataDir, 'work', stuck)).catch(() => null)).toBeNull();
      const site = (
        await gql(survivor, 'query($id: ID!) { site(id: $id) { status currentDeploy { status } } }', {
          id: siteId,
        })
      ).site;
      expect(site).toEqual({ status: 'LIVE', currentDeploy: { status: 'LIVE' } });

      // The survivor deploys the site again.
      await gql(
        survivor,
        'mutation($id: ID!) { updateSite(id: $id, input: { buildCommand: "cat marker.txt" }) { id } }',
        { id: siteId },
      );
      const next = await deployMarker(survivor, siteId, 'second');
      const settled = await eventually(
        async () => {
          const d = (
            await gql(survivor, 'query($id: ID!) { deploy(id: $id) { status error } }', { id: next.id })
          ).deploy;
          return SETTLED.includes(d.status) ? d : undefined;
        },
        120_000,
        'the next deploy',
      );
      expect(settled).toEqual({ status: 'LIVE', error: null });
      await eventually(
        async () => ((await httpGet(ip, '/', host)).body.toString() === 'second' ? true : undefined),
        30_000,
        'the site to serve the next deploy',
      );
    } finally {
      loading = false;
      await load;
    }
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
  }, 420_000);
});
