import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, httpGet, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';
import { siteSeries, unsupportedVersion } from './support/site-requests.js';
import { makeZip } from './support/zip.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const ENV = { LAUNCHPAD_TRAFFIC_INTERVAL: '1', LAUNCHPAD_METRICS_TOKEN: METRICS_TOKEN };
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id slug } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) { site(id: $id) { id status deploys { id number status } } }`;
const TRAFFIC = /* GraphQL */ `
  query Traffic($id: ID!, $from: DateTime!, $interval: TrafficInterval) {
    site(id: $id) {
      traffic(from: $from, interval: $interval) {
        at requests bytes status2xx status3xx status4xx status5xx p50Ms p95Ms
      }
    }
  }`;

let lp: Launchpad;
let restarted: Launchpad | null = null;
let siteId: string;
let slug: string;
let deployId: string;
const startedAt = new Date(Date.now() - 60_000);

beforeAll(async () => {
  lp = await startLaunchpad(ENV);
  slug = `${lp.slugPrefix}-traffic`;
  const zip = await makeZip([
    ['index.html', '<p>home</p>'],
    ['_redirects', '/old /index.html 301\n'],
  ]);
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: zip },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  siteId = res.data!.createSite.id;
  const { deploy } = await settledDeploy(lp, SITE, siteId, 1, 90_000);
  expect(deploy.status).toBe('LIVE');
  deployId = deploy.id;
}, 120_000);
afterAll(async () => {
  await restarted?.cleanup();
  await lp?.cleanup();
});

interface Expected {
  s2: number;
  s3: number;
  s4: number;
  s5: number;
}

/** Sends the requests of one batch straight to the site's container: its host and its permalink host. */
async function sendBatch(
  app: Launchpad,
  counts: { ok: number; permalink: number; moved: number; missing: number; broken: number },
) {
  const ip = (await app.app.runtime.endpoint(slug)).ip!;
  const host = `${slug}.localhost`;
  const permalink = `${deployId}--${slug}.localhost`;
  const results: number[] = [];
  for (let i = 0; i < counts.ok; i++) results.push((await httpGet(ip, '/', host)).status);
  for (let i = 0; i < counts.permalink; i++) results.push((await httpGet(ip, '/', permalink)).status);
  for (let i = 0; i < counts.moved; i++) results.push((await httpGet(ip, '/old', host)).status);
  for (let i = 0; i < counts.missing; i++) results.push((await httpGet(ip, '/nope.txt', permalink)).status);
  for (let i = 0; i < counts.broken; i++) results.push(await unsupportedVersion(ip, host));
  const byClass = (c: number) => results.filter((s) => Math.floor(s / 100) === c).length;
  expect(byClass(2)).toBe(counts.ok + counts.permalink);
  expect(byClass(3)).toBe(counts.moved);
  expect(byClass(4)).toBe(counts.missing);
  expect(byClass(5)).toBe(counts.broken);
  return { s2: byClass(2), s3: byClass(3), s4: byClass(4), s5: byClass(5) };
}

async function totals(app: Launchpad, interval: string) {
  const res = await app.gql(TRAFFIC, { id: siteId, from: startedAt.toISOString(), interval });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const points = res.data!.site.traffic as Record<string, number>[];
  const sum = (k: string) => points.reduce((n, p) => n + p[k]!, 0);
  return {
    points,
    requests: sum('requests'),
    s2: sum('status2xx'),
    s3: sum('status3xx'),
    s4: sum('status4xx'),
    s5: sum('status5xx'),
    bytes: sum('bytes'),
  };
}

async function prometheusCounts(app: Launchpad): Promise<Record<string, number>> {
  const text = await (
    await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  return siteSeries(text, slug);
}

describe('per-site traffic', () => {
  it('counts every request to a site and its permalink exactly once, in Site.traffic and in Prometheus, across a control-plane restart', {
    timeout: 300_000,
  }, async () => {
    const want: Expected = { s2: 0, s3: 0, s4: 0, s5: 0 };
    const add = (b: Expected) => {
      for (const k of ['s2', 's3', 's4', 's5'] as const) want[k] += b[k];
    };
    // Batch 1: read while the first control plane runs.
    add(await sendBatch(lp, { ok: 7, permalink: 5, moved: 3, missing: 4, broken: 2 }));
    await eventually(
      async () => ((await totals(lp, 'MINUTE')).requests === 21 ? true : undefined),
      60_000,
      'the first batch to be counted',
    );
    // Batch 2 while the control plane still runs, batch 3 while it is down: the site keeps serving and
    // logging; whatever was not read before the stop is read after the restart, once.
    add(await sendBatch(lp, { ok: 4, permalink: 3, moved: 2, missing: 1, broken: 1 }));
    await lp.stop();
    const reuse = { dataDir: lp.dataDir, network: lp.network };
    add(await sendBatch(lp, { ok: 6, permalink: 2, moved: 1, missing: 3, broken: 1 }));
    restarted = await startLaunchpad(ENV, reuse);
    add(await sendBatch(restarted, { ok: 2, permalink: 2, moved: 0, missing: 2, broken: 0 }));
    const expected = want.s2 + want.s3 + want.s4 + want.s5;
    expect(expected).toBe(21 + 11 + 13 + 6);

    const minutes = await eventually(
      async () => {
        const t = await totals(restarted!, 'MINUTE');
        return t.requests >= expected ? t : undefined;
      },
      60_000,
      `${expected} requests to be counted`,
    );
    // A few more passes: nothing more may appear (no double count after the restart).
    await restarted.app.traffic.collect();
    await restarted.app.traffic.collect();
    for (const interval of ['MINUTE', 'HOUR', 'DAY']) {
      const t = await totals(restarted, interval);
      expect({ requests: t.requests, s2: t.s2, s3: t.s3, s4: t.s4, s5: t.s5 }, interval).toEqual({
        requests: expected,
        ...want,
      });
      expect(t.bytes).toBe(minutes.bytes);
    }
    expect(minutes.bytes).toBeGreaterThan(expected * 100);
    const busy = minutes.points.filter((p) => p.requests! > 0);
    for (const p of busy) expect(p.p50Ms).toBeGreaterThanOrEqual(0);

    const prom = await prometheusCounts(restarted);
    expect(prom).toEqual({
      '2xx': want.s2,
      '3xx': want.s3,
      '4xx': want.s4,
      '5xx': want.s5,
      bytes: minutes.bytes,
    });
  });

  it('refuses a range of too many points with BAD_USER_INPUT naming the interval', async () => {
    const app = restarted ?? lp;
    const res = await app.gql(TRAFFIC, { id: siteId, from: '2020-01-01T00:00:00Z', interval: 'MINUTE' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('interval');
  });
});
