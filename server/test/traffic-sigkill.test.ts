import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { siteContainerName } from '../src/runtime/site-containers.js';
import { docker, eventually } from './support/harness.js';
import { siteSeries, unsupportedVersion } from './support/site-requests.js';
import { type SpawnedInstance, spawnedInstance } from './support/spawn-server.js';
import { makeZip } from './support/zip.js';

// Acceptance 2 of issue 13, the hard case of "a control-plane restart in the middle": the real entry point
// SIGKILLed (no stop, no last pass) while a site is under load and its access log is being read into the
// database, three times, at different moments; the site keeps serving (and logging) while the control plane
// is gone. Site.traffic and launchpad_site_requests_total must still count every request exactly once.

const METRICS_TOKEN = 'traffic-kill-metrics-0123456789abcdef';
const TRAFFIC = /* GraphQL */ `
  query Traffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {
    site(id: $id) { traffic(from: $from, interval: $interval) { requests bytes status2xx status3xx status4xx status5xx } }
  }`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

async function gql(server: SpawnedInstance, query: string, variables: Record<string, unknown> = {}) {
  const answer = await server.gql(query, variables);
  if (answer.errors) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

/** createSite with a zip, as the dashboard uploads it (GraphQL multipart request). */
async function createZipSite(server: SpawnedInstance, slug: string, zip: Buffer): Promise<string> {
  const form = new FormData();
  const query = 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }';
  form.set(
    'operations',
    JSON.stringify({ query, variables: { input: { name: slug, slug, sourceType: 'ZIP', file: null } } }),
  );
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'site.zip');
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${server.token}` },
    body: form,
  });
  const answer = (await res.json()) as { data?: any; errors?: unknown[] };
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data.createSite.id;
}

function get(agent: Agent, ip: string, host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: ip, port: 80, path, headers: { host }, agent, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

describe('per-site traffic across a SIGKILLed control plane', () => {
  it('counts every request exactly once in Site.traffic and Prometheus, though the control plane is SIGKILLed three times while reading', {
    timeout: 600_000,
  }, async () => {
    const server = await spawnedInstance({
      env: {
        LAUNCHPAD_METRICS_TOKEN: METRICS_TOKEN,
        // A pass over the logs every second: under load, the control plane is nearly always reading.
        LAUNCHPAD_TRAFFIC_INTERVAL: '1',
      },
    });
    cleanups.push(() => server.cleanup());
    const { network } = server;

    const slug = `k${randomBytes(3).toString('hex')}`;
    const siteId = await createZipSite(
      server,
      slug,
      await makeZip([
        ['index.html', '<p>home</p>'],
        ['_redirects', '/old /index.html 301\n'],
      ]),
    );
    const deployId = await eventually(
      async () => {
        const site = (
          await gql(server, 'query($id: ID!) { site(id: $id) { status deploys { id status } } }', {
            id: siteId,
          })
        ).site;
        if (site.deploys[0]?.status === 'FAILED') throw new Error('the deploy failed');
        return site.status === 'LIVE' ? (site.deploys[0].id as string) : undefined;
      },
      120_000,
      'the site to be live',
    );
    const ip = async () => {
      const info = await docker.getContainer(siteContainerName(slug)).inspect();
      return info.NetworkSettings.Networks[network]!.IPAddress;
    };
    const from = new Date(Date.now() - 120_000).toISOString();

    // What the site answered, by status class: what must be counted.
    const sent: Record<'2xx' | '3xx' | '4xx' | '5xx', number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const total = () => sent['2xx'] + sent['3xx'] + sent['4xx'] + sent['5xx'];
    /**
     * `n` requests on 8 keep-alive connections, to the site's host and its permalink host (200, 301, 404),
     * and a few 505s; `at` runs once when `at.after` of them have been answered.
     */
    const load = async (n: number, at?: { after: number; run: () => Promise<void> }) => {
      const target = await ip();
      const host = `${slug}.localhost`;
      const permalink = `${deployId}--${slug}.localhost`;
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      let next = 0;
      let answered = 0;
      let fired: Promise<void> | null = null;
      const one = async (i: number) => {
        const kind = i % 10;
        const status =
          kind === 9 && i % 50 === 9
            ? await unsupportedVersion(target, host)
            : kind < 5 || kind === 9
              ? await get(agent, target, host, '/')
              : kind < 7
                ? await get(agent, target, permalink, '/')
                : kind === 7
                  ? await get(agent, target, host, '/old')
                  : await get(agent, target, permalink, '/nope.txt');
        const cls = `${Math.floor(status / 100)}xx` as keyof typeof sent;
        expect(cls in sent, `status ${status}`).toBe(true);
        sent[cls]++;
        answered++;
        if (at && !fired && answered >= at.after) fired = at.run();
      };
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < n) await one(next++);
        }),
      );
      agent.destroy();
      await fired;
    };
    const counted = async () => {
      const points = (await gql(server, TRAFFIC, { id: siteId, from, interval: 'MINUTE' })).site.traffic as {
        requests: number;
      }[];
      return points.reduce((sum, p) => sum + p.requests, 0);
    };

    // The pipeline works before anything is killed.
    await load(400);
    await eventually(
      async () => ((await counted()) === total() ? true : undefined),
      60_000,
      'the first load',
    );

    // 1. Killed in the middle of a load, while the control plane reads it pass after pass; more requests
    //    while it is gone.
    await load(2500, { after: 1200, run: () => server.kill() });
    await load(300);
    await server.restart();

    // 2. Killed right after its first pass since the restart committed part of the backlog (or all of it).
    await load(2000);
    const before = await eventually(async () => {
      const n = await counted();
      return n > 0 ? n : undefined;
    });
    await eventually(
      async () => {
        const n = await counted();
        // A pass committed more, or had already committed everything by the time `before` was read.
        return n > before || n === total() ? true : undefined;
      },
      60_000,
      'a pass to commit',
    );
    await server.kill();
    await load(300);
    await server.restart();

    // 3. Killed again mid-load, soon after the restart.
    await load(2500, { after: 400, run: () => server.kill() });
    await server.restart();
    await load(300);

    const expected = total();
    await eventually(
      async () => ((await counted()) >= expected ? true : undefined),
      120_000,
      `${expected} requests to be counted`,
    );
    // Three more passes: nothing more may appear.
    await new Promise((r) => setTimeout(r, 3500));
    const byInterval = [];
    for (const interval of ['MINUTE', 'HOUR', 'DAY']) {
      const points = (await gql(server, TRAFFIC, { id: siteId, from, interval })).site.traffic as Record<
        string,
        number
      >[];
      const sum = (k: string) => points.reduce((n, p) => n + p[k]!, 0);
      byInterval.push(sum('bytes'));
      expect(
        {
          requests: sum('requests'),
          '2xx': sum('status2xx'),
          '3xx': sum('status3xx'),
          '4xx': sum('status4xx'),
          '5xx': sum('status5xx'),
        },
        interval,
      ).toEqual({ requests: expected, ...sent });
    }
    expect(new Set(byInterval).size).toBe(1);
    expect(byInterval[0]).toBeGreaterThan(expected * 100);
    expect(sent['3xx']).toBeGreaterThan(0);
    expect(sent['4xx']).toBeGreaterThan(0);
    expect(sent['5xx']).toBeGreaterThan(0);

    const metrics = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(siteSeries(metrics, slug)).toEqual({ ...sent, bytes: byInterval[0] });
  });
});
