import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import {
  eventually,
  httpGet,
  type Launchpad,
  settledDeploy,
  startLaunchpad,
} from '../../server/test/support/harness.js';
import { makeZip } from '../../server/test/support/zip.js';

// The Site page's charts (issue 13) in a real browser: traffic read from the site's real nginx logs, and
// the run time of its real deploys.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');
const SITE = 'query($id: ID!) { site(id: $id) { id status deploys { id number status } } }';
const TRAFFIC =
  'query($id: ID!, $from: DateTime!) { site(id: $id) { traffic(from: $from, interval: MINUTE) { requests } } }';

let lp: Launchpad;
let browser: Browser;
let page: Page;
let siteId = '';

if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('site charts in a browser', () => {
  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    lp = await startLaunchpad({ LAUNCHPAD_TRAFFIC_INTERVAL: '1' });
    const slug = `${lp.slugPrefix}-charts`;
    const create = async (n: number) => {
      const zip = await makeZip([['index.html', `<!doctype html><h1>version ${n}</h1>`]]);
      const query =
        n === 1
          ? 'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }'
          : 'mutation($id: ID!, $file: File) { deploySite(id: $id, file: $file) { id } }';
      const variables =
        n === 1 ? { input: { name: slug, slug, sourceType: 'ZIP', file: null } } : { id: siteId, file: null };
      const res = await lp.upload(query, variables, {
        path: n === 1 ? 'input.file' : 'file',
        name: 'site.zip',
        content: zip,
      });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      if (n === 1) siteId = res.data!.createSite.id;
      await settledDeploy(lp, SITE, siteId, n, 90_000);
    };
    for (let n = 1; n <= 3; n++) await create(n);
    const ip = (await lp.app.runtime.endpoint(slug)).ip!;
    for (let i = 0; i < 40; i++) await httpGet(ip, '/', `${slug}.localhost`);
    for (let i = 0; i < 6; i++) await httpGet(ip, '/missing.txt', `${slug}.localhost`);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    await eventually(async () => {
      const points = (await lp.gql(TRAFFIC, { id: siteId, from })).data?.site.traffic ?? [];
      return points.reduce((n: number, p: { requests: number }) => n + p.requests, 0) === 46
        ? true
        : undefined;
    }, 60_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
  });

  it('shows the last hour of requests and errors, and each deploy run time, as charts', async () => {
    await page.goto(`${lp.url}/`);
    await page.click('text=Use an admin token instead');
    await page.fill('#token', lp.token);
    await page.click('button[type=submit]');
    await page.waitForSelector('h1#sites-title');
    await page.goto(`${lp.url}/sites/${siteId}`);
    await page.waitForSelector('[data-testid=traffic-chart]');
    await page.click('[data-testid=traffic-chart] >> text=Last hour');
    await expect
      .poll(() => page.textContent('[data-testid=traffic-total]'), { timeout: 20_000 })
      .toBe('46 requests');
    await page.waitForSelector('[data-testid=traffic-chart] canvas');
    await page.waitForSelector('[data-testid=build-chart] canvas');
    // uPlot's legend lists the series it draws.
    const legend = await page.textContent('[data-testid=traffic-chart] .u-legend');
    for (const label of ['Requests', '4xx', '5xx', 'MB sent']) expect(legend).toContain(label);
    await page.locator('#traffic-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'site-charts.png'), fullPage: true });
  });
});
