import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from './support/git-server.js';
import { eventually, type Launchpad, settledDeploy, startLaunchpad } from './support/harness.js';
import { hasCommand, type Prometheus, startPrometheus } from './support/prometheus.js';
import { makeZip } from './support/zip.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSiteInput!) { createSite(input: $input) { id slug deploys { number } } }`;
const SITE = /* GraphQL */ `
  query Site($id: ID!) { site(id: $id) { id status deploys { number status trigger } } }`;
const DEPLOY = /* GraphQL */ `mutation($id: ID!) { deploySite(id: $id) { number } }`;

const haveTools = hasCommand('prometheus') && hasCommand('promtool');
if (!haveTools) console.warn('metrics.test.ts: skipped: `prometheus` and `promtool` are not installed');

let lp: Launchpad;
let git: GitServer;
let prometheus: Prometheus | null = null;

beforeAll(async () => {
  git = await startGitServer();
  lp = await startLaunchpad({ LAUNCHPAD_GIT_SCHEMES: 'git', LAUNCHPAD_METRICS_TOKEN: METRICS_TOKEN });
}, 60_000);
afterAll(async () => {
  await prometheus?.stop();
  await lp?.cleanup();
  await git?.stop();
});

const scrape = (authorization?: string) =>
  fetch(`${lp.url}/metrics`, { headers: authorization ? { authorization } : {} });

async function zipSite(slug: string): Promise<string> {
  const res = await lp.upload(
    CREATE,
    { input: { name: slug, slug, sourceType: 'ZIP', file: null } },
    { path: 'input.file', name: 'site.zip', content: await makeZip([['index.html', `<p>${slug}</p>`]]) },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createSite.id;
}

async function settleAll(siteId: string): Promise<void> {
  const site = (await lp.gql(SITE, { id: siteId })).data!.site;
  const newest = Math.max(...site.deploys.map((d: { number: number }) => d.number));
  await settledDeploy(lp, SITE, siteId, newest, 90_000);
}

describe('GET /metrics', () => {
  it('answers 401 without a token, with a wrong one and with an API token below ADMIN', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token-at-all-000000')).status).toBe(401);
    const team = (await lp.gql('{ viewer { teams { id } } }')).data!.viewer.teams[0].id;
    const make = async (scope: string) =>
      (
        await lp.gql(
          'mutation($t: ID!, $s: TokenScope!) { createApiToken(teamId: $t, name: "m", scope: $s) { secret } }',
          { t: team, s: scope },
        )
      ).data!.createApiToken.secret as string;
    expect((await scrape(`Bearer ${await make('DEPLOY')}`)).status).toBe(401);
    expect((await scrape(`Bearer ${await make('ADMIN')}`)).status).toBe(200);
    expect((await scrape(`Bearer ${lp.token}`)).status).toBe(200);
    const ok = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it.skipIf(!haveTools)(
    'a real Prometheus scraping it counts exactly the deploys made, by status; promtool accepts the output',
    { timeout: 300_000 },
    async () => {
      const port = new URL(lp.url).port;
      prometheus = await startPrometheus({ hostPort: `127.0.0.1:${port}`, token: METRICS_TOKEN });
      const p = lp.slugPrefix;
      // Two LIVE deploys (an upload, then a redeploy that supersedes it: both went live) ...
      const zip = await zipSite(`${p}-zip`);
      await settleAll(zip);
      expect((await lp.gql(DEPLOY, { id: zip })).errors).toBeUndefined();
      await settleAll(zip);
      // ... and three FAILED ones (a branch that does not exist fails at the clone).
      await git.createRepo('repo', { 'index.html': '<p>git</p>' });
      const created = await lp.gql(CREATE, {
        input: {
          name: `${p}-git`,
          slug: `${p}-git`,
          sourceType: 'GIT',
          gitUrl: git.url('repo'),
          branch: 'no-such-branch',
        },
      });
      expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
      const gitSite = created.data!.createSite.id;
      await settleAll(gitSite);
      for (let i = 0; i < 2; i++) {
        expect((await lp.gql(DEPLOY, { id: gitSite })).errors).toBeUndefined();
        await settleAll(gitSite);
      }
      const statuses = (await lp.gql(SITE, { id: gitSite })).data!.site.deploys.map(
        (d: { status: string }) => d.status,
      );
      expect(statuses).toEqual(['FAILED', 'FAILED', 'FAILED']);

      const byStatus = await eventually(
        async () => {
          const rows = await prometheus!.query('sum by (status) (launchpad_deploys_total)');
          const got = Object.fromEntries(rows.map((r) => [r.metric.status, r.value]));
          return got.LIVE === 2 && got.FAILED === 3 ? got : undefined;
        },
        120_000,
        'Prometheus to report 2 LIVE and 3 FAILED deploys',
      );
      expect(byStatus).toEqual({ LIVE: 2, FAILED: 3 });
      const up = await prometheus.query('up{job="launchpad"}');
      expect(up.map((r) => r.value)).toEqual([1]);
      const builds = await prometheus.query('launchpad_build_duration_seconds_count');
      expect(builds.map((r) => r.value)).toEqual([5]);
      const sites = await prometheus.query('sum(launchpad_sites)');
      expect(sites.map((r) => r.value)).toEqual([2]);
      const api = await prometheus.query(
        'sum(launchpad_http_request_duration_seconds_count{route="/graphql"})',
      );
      expect(api[0]!.value).toBeGreaterThan(0);

      const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
      expect(text).not.toMatch(/^nodejs_active_\w+_total/m);
      expect(text).toMatch(/^nodejs_active_handles[ {]/m);
      const check = await promtoolCheck(text);
      expect(check, check.output).toEqual({ code: 0, output: '' });
    },
  );
});

function promtoolCheck(text: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile('promtool', ['check', 'metrics'], (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, output: `${stdout}${stderr}`.trim() });
    });
    child.stdin!.end(text);
  });
}
