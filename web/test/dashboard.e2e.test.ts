import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launchpad, startLaunchpad } from '../../server/test/support/harness.js';
import { makeZip } from '../../server/test/support/zip.js';

// The dashboard in a real browser against a real control plane and Docker engine: what a person does.

const CHROMIUM = '/usr/bin/chromium';
const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');

let lp: Launchpad;
let browser: Browser;
let page: Page;
let zip: Buffer;
let siteId = '';
let slug = '';

/** Drops a file on the drop zone the way a browser does: a DataTransfer carried by drag events. */
async function dropFile(target: string, name: string, content: Buffer): Promise<void> {
  await page.evaluate(
    ({ target, name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'application/zip' }));
      const zone = document.querySelector(target)!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { target, name, base64: content.toString('base64') },
  );
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function pageIsNotWiderThanViewport(): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(viewport);
}

// CI installs Chromium (.ci/run) and must run this; elsewhere a missing browser skips it with a reason.
if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('dashboard in a browser', () => {
  beforeAll(async () => {
    // The control plane serves web/dist; build it from the sources under test.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    lp = await startLaunchpad({ LAUNCHPAD_PUBLISH_PORTS: 'true' });
    slug = `${lp.slugPrefix}-web`;
    // Random bytes do not compress: the archive stays ~400 KB, long enough to watch under a throttled link.
    zip = await makeZip([
      ['index.html', '<!doctype html><title>Hello</title><h1>Hello from the dashboard test</h1>'],
      ['noise.bin', randomBytes(400 * 1024)],
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
  });

  it('refuses a wrong token and signs in with the right one', async () => {
    await page.goto(`${lp.url}/`);
    await screenshot('sign-in');
    await page.fill('#token', 'not-the-token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#token-error')).toContain('does not know this token');

    await page.fill('#token', lp.token);
    await page.click('button[type=submit]');
    await page.waitForSelector('h1#sites-title');
    await page.waitForSelector('text=No sites yet');
  });

  it('deploys a dropped zip with upload progress, and the site goes live without a reload', async () => {
    await page.click('header >> text=New site');
    await page.waitForSelector('#zip-file');
    await dropFile('.dropzone', 'hello.zip', zip);
    await expect.poll(() => page.inputValue('#zip-name')).toBe('hello');
    await page.fill('#zip-slug', slug);
    await screenshot('new-site');

    // ~400 KB at 200 KB/s: two seconds of upload, so the progress bar is seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    // Every percentage the page shows, recorded as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { __percents: seen });
      new MutationObserver(() => {
        const text = document.querySelector('output.percent')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.click('button:has-text("Create and deploy")');
    await page.locator('progress#upload-progress').waitFor();
    const percents = () => page.evaluate(() => (window as { __percents?: string[] }).__percents ?? []);
    await expect
      .poll(async () => (await percents()).some((p) => p !== '0%' && p !== '100%'), { timeout: 10_000 })
      .toBe(true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.waitForURL(/\/sites\/[0-9a-f]+$/, { timeout: 30_000 });
    siteId = page.url().split('/').pop()!;
    // A marker on the window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    await page.waitForSelector('.title-row [data-status=LIVE]', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
    await page.waitForSelector('.deploy[data-deploy="1"] [data-status=LIVE]');
    await page.waitForSelector('.log .log-system');
    expect(await page.textContent('.log')).toContain('live at');
    await expect.poll(() => page.textContent('.log-bar')).toContain('End of log');
    await screenshot('site');
  });

  it('links to the local URL, which serves the upload', async () => {
    const href = await page.getAttribute('[data-testid=local-url]', 'href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const other = await browser.newPage();
    await other.goto(href!);
    expect(await other.textContent('h1')).toBe('Hello from the dashboard test');
    await other.close();
  });

  it('lists the site, live, with its links', async () => {
    await page.click('.brand');
    await page.waitForSelector(`.site-card[data-site="${slug}"] [data-status=LIVE]`);
    expect(await page.textContent(`.site-card[data-site="${slug}"]`)).toContain('Deploy #1');
    await screenshot('sites');
  });

  it('redeploys from the site page; the old deploy is superseded live', async () => {
    await page.click(`.site-card[data-site="${slug}"] h2 a`);
    await page.waitForSelector('.deploy[data-deploy="1"]');
    await page.click('.site-actions >> text=Redeploy');
    await page.waitForSelector('.deploy[data-deploy="2"] [data-status=LIVE]', { timeout: 60_000 });
    await page.waitForSelector('.deploy[data-deploy="1"] [data-status=SUPERSEDED]', { timeout: 10_000 });
    expect(await page.textContent('#log-title')).toContain('#2');
  });

  it('shows a taken slug beside the slug field', async () => {
    await page.click('header >> text=New site');
    await page.setInputFiles('#zip-file', { name: 'again.zip', mimeType: 'application/zip', buffer: zip });
    await page.fill('#zip-slug', slug);
    await page.click('button:has-text("Create and deploy")');
    await expect.poll(() => page.textContent('#zip-slug-error'), { timeout: 20_000 }).toContain('taken');
    expect(await page.getAttribute('#zip-slug', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zip-slug');
    await screenshot('new-site-slug-taken');
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const path of ['/', '/new', `/sites/${siteId}`]) {
      await page.goto(`${lp.url}${path}`);
      await page.waitForSelector('main h1');
      await pageIsNotWiderThanViewport();
    }
    await page.waitForSelector('.deploy[data-deploy="2"]');
    await screenshot('site-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('deletes the site after confirmation', async () => {
    await page.goto(`${lp.url}/sites/${siteId}`);
    await page.click('text=Delete site…');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog >> button.btn-danger');
    await page.waitForURL(`${lp.url}/`, { timeout: 30_000 });
    await page.waitForSelector('text=No sites yet');
    const res = await lp.gql<{ site: unknown }>('query($id: ID!) { site(id: $id) { id } }', { id: siteId });
    expect(res.data?.site).toBeNull();
  });
});
