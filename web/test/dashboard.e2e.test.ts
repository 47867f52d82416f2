import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import { type GitServer, startGitServer } from '../../server/test/support/git-server.js';
import { type Launchpad, startLaunchpad } from '../../server/test/support/harness.js';
import { makeZip } from '../../server/test/support/zip.js';

// The dashboard in a real browser against a real control plane and Docker engine: what a person does.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');

let lp: Launchpad;
let browser: Browser;
let page: Page;
let zip: Buffer;
let siteId = '';
let slug = '';
let git: GitServer;
let gitSiteId = '';
let gitSlug = '';
let firstHead = '';

// A build that takes ~3 s and says so line by line, so its log is watched while the deploy is BUILDING.
// It publishes content.txt (what changes between commits) and an env var the form set, and leaves 64 KiB in
// npm's cache folder (the site's build cache) as an install would.
const BUILD_JS = `
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
let n = 0;
const step = () => {
  n += 1;
  console.log('build step ' + n + ' of 12');
  if (n < 12) return setTimeout(step, 250);
  mkdirSync('dist', { recursive: true });
  const content = readFileSync('content.txt', 'utf8').trim();
  writeFileSync('dist/index.html', '<!doctype html><h1>' + content + '</h1><p>' + process.env.GREETING + '</p>');
  console.log('wrote dist/index.html');
  const cache = process.env.npm_config_cache;
  if (cache) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(cache + '/package.tgz', 'x'.repeat(64 * 1024));
  }
};
step();
`;

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
    // The control plane serves web/dist, built from the sources under test by the run's global setup.
    mkdirSync(shots, { recursive: true });
    lp = await startLaunchpad({ LAUNCHPAD_PUBLISH_PORTS: 'true', LAUNCHPAD_GIT_SCHEMES: 'git' });
    slug = `${lp.slugPrefix}-web`;
    gitSlug = `${lp.slugPrefix}-git`;
    git = await startGitServer();
    ({ head: firstHead } = await git.createRepo('site', {
      'build.js': BUILD_JS,
      'content.txt': 'version one',
    }));
    // Random bytes do not compress: the archive stays ~400 KB, long enough to watch under a throttled link.
    zip = await makeZip([
      ['index.html', '<!doctype html><title>Hello</title><h1>Hello from the dashboard test</h1>'],
      ['noise.bin', randomBytes(400 * 1024)],
    ]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
    await git?.stop();
  });

  it('refuses a wrong token and signs in with the right one', async () => {
    await page.goto(`${lp.url}/`);
    await page.click('text=Use an admin token instead');
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
    await screenshot('new-site-zip');

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
    await screenshot('site-zip');
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

  it('creates a git site from the Git tab; its build log streams while it is Building', async () => {
    await page.click('header >> text=New site');
    await page.click('#tab-git');
    await page.fill('#git-gitUrl', git.url('site'));
    // The name follows the repository; branch and output folder start at their defaults.
    await expect.poll(() => page.inputValue('#git-name')).toBe('site');
    expect(await page.inputValue('#git-branch')).toBe('main');
    expect(await page.inputValue('#git-outputDir')).toBe('dist');
    expect(await page.isChecked('#git-autoDeploy')).toBe(true);
    await page.fill('#git-name', 'Git site');
    await page.fill('#git-slug', gitSlug);
    await page.fill('#git-buildCommand', 'node build.js');
    await page.click('#git-envVars >> text=Add variable');
    await page.fill('[aria-label="Name of variable 1"]', 'GREETING');
    await page.fill('[aria-label="Value of GREETING"]', 'hello from the env');
    expect(await page.getAttribute('[aria-label="Value of GREETING"]', 'type')).toBe('password');
    await screenshot('new-site');

    await page.click('button:has-text("Create and deploy")');
    await page.waitForURL(/\/sites\/[0-9a-f]+$/, { timeout: 20_000 });
    gitSiteId = page.url().split('/').pop()!;
    await page.evaluate(() => Object.assign(window, { __noReload: true }));

    // One look at the page when the first build line shows: the deploy must still be building.
    const seen = await page.waitForFunction(
      () => {
        const lines = [...document.querySelectorAll('[data-testid=log] .log-line')];
        if (!lines.some((l) => l.textContent?.includes('build step 1 of 12'))) return null;
        return document.querySelector('.deploy[data-deploy="1"] [data-status]')?.getAttribute('data-status');
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    expect(await seen.jsonValue()).toBe('BUILDING');
    expect(await page.getAttribute('.title-row [data-status]', 'data-status')).toBe('DEPLOYING');

    await page.waitForSelector('.deploy[data-deploy="1"] [data-status=LIVE]', { timeout: 60_000 });
    await page.waitForSelector('.title-row [data-status=LIVE]');
    expect(await page.textContent('.log')).toContain('build step 12 of 12');
    const commit = await page.textContent('.deploy[data-deploy="1"] .commit');
    expect(commit).toContain(firstHead.slice(0, 7));
    expect(commit).toContain('initial commit');
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);

    const local = await page.getAttribute('[data-testid=local-url]', 'href');
    const body = await (await fetch(local!)).text();
    expect(body).toContain('version one');
    expect(body).toContain('hello from the env');
  }, 120_000);

  it('shows the webhook to paste into GitHub: masked secret, copy, rotate', async () => {
    const res = await lp.gql<{ site: { webhookUrl: string; webhookSecret: string } }>(
      'query($id: ID!) { site(id: $id) { webhookUrl webhookSecret } }',
      { id: gitSiteId },
    );
    const { webhookUrl, webhookSecret } = res.data!.site;
    const panel = page.locator('[data-testid=webhook]');
    expect(await page.inputValue('#webhook-url')).toBe(webhookUrl);
    expect(await page.getAttribute('#webhook-secret', 'type')).toBe('password');
    const steps = await panel.locator('.steps').textContent();
    for (const step of [
      'Settings → Webhooks → Add webhook',
      'Payload URL',
      'application/json',
      'Secret',
      'Just the push event',
      'Active',
    ]) {
      expect(steps).toContain(step);
    }

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lp.url });
    await panel.locator('button:has-text("Copy payload url")').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(webhookUrl);
    // Without the Clipboard API (plain http on a LAN), the selection fallback still copies.
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new Error('denied')),
      });
    });
    await panel.locator('button:has-text("Copy secret")').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(webhookSecret);
    expect(await page.getAttribute('#webhook-secret', 'type')).toBe('password');
    await panel.locator('button:has-text("Show secret")').click();
    expect(await page.getAttribute('#webhook-secret', 'type')).toBe('text');
    await panel.locator('button:has-text("Hide secret")').click();

    await panel.locator('text=Rotate secret…').click();
    await page.click('dialog[open] >> button:has-text("Rotate secret")');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await expect.poll(() => page.inputValue('#webhook-secret')).not.toBe(webhookSecret);
    const after = await lp.gql<{ site: { webhookSecret: string } }>(
      'query($id: ID!) { site(id: $id) { webhookSecret } }',
      { id: gitSiteId },
    );
    expect(await page.inputValue('#webhook-secret')).toBe(after.data!.site.webhookSecret);
    // The new secret is shown, so it is seen to have changed.
    expect(await page.getAttribute('#webhook-secret', 'type')).toBe('text');
  });

  it('lists webhook deliveries and deploys a signed push, without a reload', async () => {
    const url = await page.inputValue('#webhook-url');
    const secret = await page.inputValue('#webhook-secret');
    const deliver = async (event: string, payload: unknown) => {
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': randomBytes(8).toString('hex'),
          'x-hub-signature-256': signature,
        },
        body,
      });
      return res.status;
    };
    expect(await deliver('ping', { zen: 'Keep it logically awesome.' })).toBe(200);
    const { head } = await git.commit(
      'site',
      { 'content.txt': 'version two' },
      'Second version\n\nmore words',
    );
    expect(
      await deliver('push', {
        ref: 'refs/heads/main',
        after: head,
        deleted: false,
        head_commit: { message: 'Second version\n\nmore words' },
      }),
    ).toBe(202);

    // The deploy starting brings the site's snapshot, and the deliveries with it.
    await page.waitForSelector('.deploy[data-deploy="2"]', { timeout: 30_000 });
    const push = page.locator('.delivery[data-event=push][data-outcome=QUEUED]');
    await push.waitFor({ timeout: 60_000 });
    await page.waitForSelector('.delivery[data-event=ping][data-outcome=IGNORED]');
    expect(await push.textContent()).toContain('Deploy #2');
    expect(await page.textContent('.deploy[data-deploy="2"]')).toContain('Push');

    await page.waitForSelector('.deploy[data-deploy="2"] [data-status=LIVE]', { timeout: 60_000 });
    await page.waitForSelector('.deploy[data-deploy="1"] [data-status=SUPERSEDED]', { timeout: 10_000 });
    const commit = await page.textContent('.deploy[data-deploy="2"] .commit');
    expect(commit).toContain(head.slice(0, 7));
    expect(commit).toContain('Second version');
    expect(commit).not.toContain('more words');
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
  }, 120_000);

  it('rolls back to deploy #1 from the list; the site serves its files again', async () => {
    const rollbackOf = (n: number) => page.locator(`.deploy[data-deploy="${n}"] button:has-text("Rollback")`);
    expect(await rollbackOf(2).count()).toBe(0); // the current deploy
    await rollbackOf(1).click();

    await page.waitForSelector('.deploy[data-deploy="3"] [data-status=LIVE]', { timeout: 10_000 });
    expect(await page.textContent('.deploy[data-deploy="3"] [data-testid=rollback-of]')).toBe(
      'Rollback to #1',
    );
    await page.waitForSelector('.deploy[data-deploy="2"] [data-status=SUPERSEDED]', { timeout: 10_000 });
    await page.waitForSelector('.title-row [data-status=LIVE]');
    expect(await rollbackOf(3).count()).toBe(0);
    expect(await rollbackOf(2).count()).toBe(1);
    expect(await page.textContent('#log-title')).toContain('#3');
    expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);

    const local = await page.getAttribute('[data-testid=local-url]', 'href');
    await expect.poll(async () => (await fetch(local!)).text()).toContain('version one');
    await expect.poll(() => page.textContent('.log-bar')).toContain('End of log');
    await screenshot('site');
  });

  it('edits git settings: auto-deploy off is saved and the webhook panel says so', async () => {
    await page.click('text=Edit settings');
    expect(await page.inputValue('#settings-branch')).toBe('main');
    expect(await page.inputValue('#settings-buildCommand')).toBe('node build.js');
    await page.uncheck('#settings-autoDeploy');
    await page.click('#settings-title ~ form >> button:has-text("Save")');
    await page.waitForSelector('text=Saved. Changes apply on the next deploy.');
    expect(await page.textContent('[data-testid=webhook]')).toContain('Auto-deploy is off');
    const res = await lp.gql<{ site: { autoDeploy: boolean } }>(
      'query($id: ID!) { site(id: $id) { autoDeploy } }',
      {
        id: gitSiteId,
      },
    );
    expect(res.data?.site.autoDeploy).toBe(false);
  });

  it('marks a variable secret: stored encrypted, never shown again, only replaceable', async () => {
    await page.click('text=Edit settings');
    await page.getByRole('checkbox', { name: 'Secret GREETING' }).check();
    await page.click('#settings-title ~ form >> button:has-text("Save")');
    await page.waitForSelector('text=Saved. Changes apply on the next deploy.');
    const res = await lp.gql<{
      site: { envVars: { name: string; value: string | null; secret: boolean }[] };
    }>('query($id: ID!) { site(id: $id) { envVars { name value secret } } }', { id: gitSiteId });
    expect(res.data?.site.envVars).toEqual([{ name: 'GREETING', value: null, secret: true }]);
    await page.click('text=Edit settings');
    await page.waitForSelector('text=Secret stored (not shown)');
    expect(await page.locator('[aria-label="Value of GREETING"]').count()).toBe(0);
    await page.click('#settings-title ~ form >> button:has-text("Replace")');
    expect(await page.getAttribute('[aria-label="Value of GREETING"]', 'type')).toBe('password');
    await page.click('#settings-title ~ form >> button:has-text("Cancel")');
  });

  it('turns deploy previews on with its switch and clears the build cache after confirmation', async () => {
    await page.goto(`${lp.url}/sites/${gitSiteId}`);
    const size = '[data-testid=build-cache-size]';
    await page.waitForSelector(size);
    expect(await page.textContent(size)).toMatch(/^(6[4-9]|7\d)\.\d KB$/); // 64 KiB and its folders' blocks
    expect(await page.isChecked('#toggle-deployPreviews')).toBe(false);
    expect(await page.isChecked('#toggle-buildCache')).toBe(true);

    await page.check('#toggle-deployPreviews');
    await page.waitForSelector('[data-testid=deploy-workflow] >> text=Deploy previews on.');
    const site = () =>
      lp.gql<{ site: { deployPreviews: boolean; branchDeploys: boolean; buildCacheBytes: number } }>(
        'query($id: ID!) { site(id: $id) { deployPreviews branchDeploys buildCacheBytes } }',
        { id: gitSiteId },
      );
    expect((await site()).data?.site).toMatchObject({ deployPreviews: true, branchDeploys: false });

    await page.click('text=Clear build cache…');
    await page.waitForSelector('dialog[open] >> text=Clear the build cache?');
    await page.click('dialog[open] >> button.btn-danger');
    await page.waitForSelector('text=Build cache cleared: 0 B now. The next build starts cold.');
    expect(await page.textContent(size)).toBe('0 B');
    expect((await site()).data?.site.buildCacheBytes).toBe(0);
    expect(existsSync(join(lp.dataDir, 'build-cache', gitSiteId))).toBe(false);
    await page.locator('[data-testid=deploy-workflow]').scrollIntoViewIfNeeded();
    await screenshot('site-build-settings');
  });

  it('shows a refused git URL and a bad variable name beside their fields', async () => {
    await page.click('header >> text=New site');
    await page.click('#tab-git');
    await page.fill('#git-gitUrl', 'file:///etc');
    await page.fill('#git-name', 'Refused');
    await page.click('button:has-text("Create and deploy")');
    await expect.poll(() => page.textContent('#git-gitUrl-error'), { timeout: 10_000 }).toContain('file://');
    expect(await page.getAttribute('#git-gitUrl', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('git-gitUrl');

    await page.fill('#git-gitUrl', git.url('site'));
    expect(await page.getAttribute('#git-gitUrl', 'aria-invalid')).not.toBe('true');
    await page.click('#git-envVars >> text=Add variable');
    await page.fill('[aria-label="Name of variable 1"]', '1BAD');
    await page.click('button:has-text("Create and deploy")');
    await expect.poll(() => page.textContent('#git-envVars-error'), { timeout: 10_000 }).toContain('1BAD');
    const sites = await lp.gql<{ sites: unknown[] }>('{ sites { id } }');
    expect(sites.data?.sites).toHaveLength(2);
  });

  it('lists both sites, live', async () => {
    await page.click('.brand');
    await page.waitForSelector(`.site-card[data-site="${gitSlug}"] [data-status=LIVE]`);
    await page.waitForSelector(`.site-card[data-site="${slug}"] [data-status=LIVE]`);
    expect(await page.textContent(`.site-card[data-site="${gitSlug}"]`)).toContain('Deploy #3');
    await screenshot('sites');
  });

  it('fits a 360 px screen', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${lp.url}/new`);
    await page.click('#tab-git');
    await page.click('#git-envVars >> text=Add variable');
    await pageIsNotWiderThanViewport();
    for (const path of ['/', '/new', `/sites/${siteId}`, `/sites/${gitSiteId}`]) {
      await page.goto(`${lp.url}${path}`);
      await page.waitForSelector('main h1');
      await pageIsNotWiderThanViewport();
    }
    await page.waitForSelector('.deploy[data-deploy="3"]');
    await page.waitForSelector('.delivery[data-event=push]');
    await screenshot('site-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('deletes the site after confirmation', async () => {
    await page.goto(`${lp.url}/sites/${siteId}`);
    await page.click('text=Delete site…');
    await page.waitForSelector('dialog[open]');
    await page.click('dialog[open] >> button.btn-danger');
    await page.waitForURL(`${lp.url}/`, { timeout: 30_000 });
    await page.waitForSelector(`.site-card[data-site="${gitSlug}"]`);
    expect(await page.locator(`.site-card[data-site="${slug}"]`).count()).toBe(0);
    const res = await lp.gql<{ site: unknown }>('query($id: ID!) { site(id: $id) { id } }', { id: siteId });
    expect(res.data?.site).toBeNull();
  });
});
