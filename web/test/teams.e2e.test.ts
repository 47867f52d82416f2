import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteEntity } from '../../server/src/db/entities.js';
import { type BareApp, startBareApp } from '../../server/test/support/bare-app.js';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import { seedSites } from '../../server/test/support/seed.js';

// The team switcher and invitations for someone already signed in, in a real browser against a real
// control plane. It builds nothing, so the test makes no Docker object.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');
const PASSWORD = 'correct horse battery';

let lp: BareApp;
let browser: Browser;
let alice: Page;
let firstTeamId = '';
let betaId = '';
let alphaSite = { id: '', name: 'Alpha landing page' };
let betaSite = { id: '', name: 'Beta docs' };

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto(`${lp.url}/signup`);
  await page.waitForSelector('#name');
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('h1#sites-title');
}

/** A GraphQL operation as the page's signed-in user (its session cookie), the way the dashboard sends one. */
async function asPage<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.evaluate(
    async ({ query, variables }) => {
      const r = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return r.json();
    },
    { query, variables },
  );
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

/** One seeded site of `teamId`, renamed so each team's site is told apart on the page. */
async function siteOf(teamId: string, name: string): Promise<{ id: string; name: string }> {
  const em = lp.app.orm.em.fork();
  const [site] = await seedSites(em, 1, { teamId, deploysPerSite: 1, deliveriesPerSite: 0 });
  await em.nativeUpdate(SiteEntity, { id: site!.id }, { name });
  return { id: site!.id, name };
}

const card = (page: Page, name: string) => page.locator('.site-card', { hasText: name });

if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('teams in a browser', () => {
  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    lp = await startBareApp({ LAUNCHPAD_SIGNUP: 'open' });
    browser = await launchChromium();
    alice = (await freshPage()).page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
  });

  it('a user in two teams sees only the chosen team’s sites, live, and the choice survives a reload', async () => {
    await signUp(alice, 'alice@example.com');
    const { viewer } = await asPage<{ viewer: { teams: { id: string }[] } }>(
      alice,
      '{ viewer { teams { id } } }',
    );
    firstTeamId = viewer.teams[0]!.id;
    const { createTeam } = await asPage<{ createTeam: { id: string } }>(
      alice,
      'mutation { createTeam(name: "Beta") { id } }',
    );
    betaId = createTeam.id;
    alphaSite = await siteOf(firstTeamId, alphaSite.name);
    betaSite = await siteOf(betaId, betaSite.name);

    await alice.reload();
    await alice.waitForSelector('#team');
    expect(await alice.inputValue('#team')).toBe(firstTeamId);
    await card(alice, alphaSite.name).waitFor();
    expect(await card(alice, betaSite.name).count()).toBe(0);

    await alice.selectOption('#team', betaId);
    await card(alice, betaSite.name).waitFor();
    expect(await card(alice, alphaSite.name).count()).toBe(0);
    expect(await alice.textContent('h1#sites-title')).toContain('Beta');

    // Live updates: a change to the other team's site arrives on the same socket, before the change to
    // this team's site, and must not put it in the list.
    const rename = (id: string, name: string) =>
      lp.gql('mutation($id: ID!, $name: String!) { updateSite(id: $id, input: { name: $name }) { id } }', {
        id,
        name,
      });
    expect((await rename(alphaSite.id, `${alphaSite.name} v2`)).errors).toBeUndefined();
    expect((await rename(betaSite.id, `${betaSite.name} v2`)).errors).toBeUndefined();
    await card(alice, `${betaSite.name} v2`).waitFor();
    expect(await card(alice, alphaSite.name).count()).toBe(0);
    alphaSite.name = `${alphaSite.name} v2`;
    betaSite.name = `${betaSite.name} v2`;
    await screenshot(alice, 'team-switcher');
    // The selects follow the colour scheme with the inputs (styles.css has both).
    await alice.emulateMedia({ colorScheme: 'dark' });
    await alice.click('header >> text=Tokens');
    await alice.waitForSelector('#token-scope');
    await screenshot(alice, 'tokens-dark');
    await alice.emulateMedia({ colorScheme: 'light' });
    await alice.click('header >> text=Sites');
    await card(alice, betaSite.name).waitFor();

    await alice.reload();
    await card(alice, betaSite.name).waitFor();
    expect(await alice.inputValue('#team')).toBe(betaId);
    expect(await card(alice, alphaSite.name).count()).toBe(0);

    // The New site form creates the site in the chosen team.
    await alice.click('header >> text=New site');
    await alice.waitForSelector('#new-site-team');
    expect(await alice.textContent('#new-site-team')).toContain('Beta');
  });

  it('falls back to the first team when the remembered one is gone', async () => {
    await alice.evaluate(() => localStorage.setItem('launchpad.team', 'a-team-that-is-gone'));
    await alice.goto(`${lp.url}/`);
    await card(alice, alphaSite.name).waitFor();
    expect(await alice.inputValue('#team')).toBe(firstTeamId);
    expect(await card(alice, betaSite.name).count()).toBe(0);
  });

  it('a signed-in user who opens an invitation link joins with one click, and the team is in the switcher', async () => {
    const { context, page: bob } = await freshPage();
    try {
      await signUp(bob, 'bob@example.com'); // open sign-up: Bob owns a team of his own
      expect(await bob.locator('#team').count()).toBe(0);
      const { inviteMember } = await asPage<{ inviteMember: { url: string } }>(
        alice,
        'mutation($t: ID!) { inviteMember(teamId: $t, email: "bob@example.com", role: DEVELOPER) { url } }',
        { t: betaId },
      );

      await bob.goto(inviteUrl(inviteMember.url));
      const join = bob.locator('button', { hasText: 'Join Beta' });
      await join.waitFor();
      expect(await bob.textContent('[data-testid=join-team]')).toContain('as Developer');
      expect(await bob.locator('#password').count()).toBe(0); // not the sign-up form
      await screenshot(bob, 'join-team');
      await join.click();

      await card(bob, betaSite.name).waitFor();
      expect(new URL(bob.url()).pathname).toBe('/');
      expect(await bob.inputValue('#team')).toBe(betaId);
      const options = await bob.locator('#team option').allTextContents();
      expect(options).toContain('Beta');
      expect(options).toHaveLength(2);

      // The link is used now: opening it again says so.
      await bob.goto(inviteUrl(inviteMember.url));
      await bob.waitForSelector('text=This invitation is used, expired or unknown');
    } finally {
      await context.close();
    }
  });
});

/** The invitation link on this test's server (the link names the public URL the server was given). */
function inviteUrl(url: string): string {
  const link = new URL(url);
  return `${lp.url}/invite${link.hash}`;
}
