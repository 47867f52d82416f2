import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareApp, startBareApp } from '../../server/test/support/bare-app.js';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import { seedSites } from '../../server/test/support/seed.js';
import { SITES_PAGE } from '../src/lib/sites-page.js';

// A long site list in a real browser against a real control plane: a page of cards, "Show more", a
// search on the server, and live updates that respect both. It builds nothing, so it makes no Docker object.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');
const SITES = SITES_PAGE + 12;

let lp: BareApp;
let browser: Browser;
let page: Page;

const cards = (p: Page) => p.locator('.site-card');
const card = (p: Page, name: string) => p.locator('.site-card', { hasText: name });

if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('a long site list in a browser', () => {
  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    lp = await startBareApp();
    await seedSites(lp.app.orm.em.fork(), SITES, {
      slugPrefix: 'many',
      deploysPerSite: 1,
      deliveriesPerSite: 0,
    });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // The admin token, as an operator signs in on a fresh install.
    await page.goto(`${lp.url}/`);
    await page.click('text=Use an admin token instead');
    await page.fill('#token', lp.token);
    await page.click('button[type=submit]');
    await page.waitForSelector('h1#sites-title');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
  });

  it('shows a page of sites, newest first, and the rest after "Show more"', async () => {
    await cards(page).first().waitFor();
    expect(await cards(page).count()).toBe(SITES_PAGE);
    expect(await cards(page).first().textContent()).toContain(`Seeded site ${SITES - 1}`);
    await page.click('button:has-text("Show more")');
    await page.waitForSelector(`.list-more >> text=${SITES} sites`);
    expect(await cards(page).count()).toBe(SITES);
    expect(await cards(page).last().textContent()).toContain('Seeded site 0');
  });

  it('searches by name or slug on the server, and a new site joins only the lists it matches', async () => {
    await page.fill('#site-search', 'SITE 1');
    // "Seeded site 1", "…10"–"…19": the matches of all 60, not only of the loaded cards.
    await page.waitForFunction(() => document.querySelectorAll('.site-card').length === 11);
    await page.screenshot({ path: join(shots, 'sites-search.png'), fullPage: true });

    const create = (name: string) =>
      lp.gql('mutation($name: String!) { createSite(input: { name: $name, sourceType: ZIP }) { id } }', {
        name,
      });
    expect((await create('Other thing')).errors).toBeUndefined();
    expect((await create('Site 1 relaunch')).errors).toBeUndefined();
    await card(page, 'Site 1 relaunch').waitFor();
    expect(await card(page, 'Other thing').count()).toBe(0);
    // Newest first: the new site heads the matches.
    expect(await cards(page).first().textContent()).toContain('Site 1 relaunch');

    await page.fill('#site-search', 'no such site');
    await page.waitForSelector('text=No sites match “no such site”.');
    await page.fill('#site-search', '');
    await card(page, 'Other thing').waitFor();
    expect(await cards(page).count()).toBe(SITES_PAGE);
  });
});
