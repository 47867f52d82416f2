import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareApp, startBareApp } from '../../server/test/support/bare-app.js';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import { seedSites } from '../../server/test/support/seed.js';

// Accounts in a real browser against a real control plane: sign up, invite by link, a viewer's limits.
// The control plane here builds nothing, so the test makes no Docker object.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');
const PASSWORD = 'correct horse battery';

let lp: BareApp;
let browser: Browser;
let owner: Page;
let siteName = '';
let inviteUrl = '';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/** A browser of its own: no cookie or storage shared with the other people in the test. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('accounts in a browser', () => {
  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    lp = await startBareApp();
    browser = await launchChromium();
    owner = (await freshPage()).page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
  });

  it('signs up the first user, who becomes owner of the first team and sees its sites', async () => {
    await owner.goto(`${lp.url}/`);
    await owner.waitForSelector('#email');
    await screenshot(owner, 'sign-in-password');
    await owner.click('text=Create an account');
    await owner.waitForSelector('#name');
    await owner.fill('#email', 'owner@example.com');
    await owner.fill('#name', 'Olive Owner');
    await owner.fill('#password', PASSWORD);
    await screenshot(owner, 'sign-up');
    await owner.click('button[type=submit]');
    await owner.waitForSelector('h1#sites-title');
    await owner.waitForSelector('header >> text=owner@example.com');

    // A site of the first team (rows only: this control plane serves nothing), listed for the owner.
    const [site] = await seedSites(lp.app.orm.em.fork(), 1, { deploysPerSite: 1, deliveriesPerSite: 0 });
    siteName = site!.name;
    await owner.reload();
    await owner.waitForSelector(`text=${siteName}`);
  });

  it('invites a member as VIEWER: the one-time link is shown with a copy button', async () => {
    await owner.click('header >> text=Members');
    await owner.waitForSelector('h1#members-title');
    await owner.waitForSelector('td >> text=owner@example.com');
    await owner.fill('#invite-email', 'viewer@example.com');
    await owner.selectOption('#invite-role', 'VIEWER');
    await owner.click('.invite-form button[type=submit]');
    await owner.waitForSelector('#invite-link');
    inviteUrl = await owner.inputValue('#invite-link');
    expect(inviteUrl).toMatch(new RegExp(`^${lp.url}/invite#[A-Za-z0-9_-]{20,}$`));
    expect(await owner.isVisible('.invite-form >> text=Copy')).toBe(true);
    await screenshot(owner, 'members');
  });

  it('the invitee signs up by the link in a fresh browser, sees the site, and no Delete button', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(inviteUrl);
      await page.waitForSelector('text=You were invited to a team');
      await page.fill('#email', 'viewer@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1#sites-title');
      await page.click(`.site-grid >> text=${siteName}`);
      await page.waitForSelector('h1#site-title');
      await page.waitForSelector('#delete-locked');
      expect(await page.textContent('#delete-locked')).toContain('you are a Viewer');
      expect(await page.isDisabled('button:has-text("Redeploy")')).toBe(true);
      await page.waitForSelector('#deploy-locked');
      await screenshot(page, 'site-as-viewer');
      expect(await page.locator('button', { hasText: 'Delete site' }).count()).toBe(0);

      // Members: listed, but nothing to change, with the reason.
      await page.click('header >> text=Members');
      await page.waitForSelector('td >> text=owner@example.com');
      expect(await page.isVisible('#invite-email')).toBe(false);
      expect(await page.locator('button', { hasText: 'Remove' }).count()).toBe(0);
      await page.waitForSelector('text=Only an admin or owner invites');
    } finally {
      await context.close();
    }
  });

  it('the owner sees the new member and changes their role', async () => {
    await owner.reload();
    await owner.waitForSelector('td >> text=viewer@example.com');
    const select = owner.locator('tr', { hasText: 'viewer@example.com' }).locator('select');
    await select.selectOption('DEVELOPER');
    await expect
      .poll(async () => {
        const r = await lp.gql<{
          viewer: { teams: { members: { user: { email: string }; role: string }[] }[] };
        }>('{ viewer { teams { members { user { email } role } } } }');
        return r.data?.viewer.teams[0]?.members.find((m) => m.user.email === 'viewer@example.com')?.role;
      })
      .toBe('DEVELOPER');
  });

  it('signs out, refuses a wrong password without saying whether the account exists, signs in again', async () => {
    await owner.click('header >> text=Sign out');
    await owner.waitForSelector('#email');
    // The cookie is gone on the server too: a reload does not sign back in.
    await owner.reload();
    await owner.waitForSelector('#email');
    await owner.fill('#email', 'owner@example.com');
    await owner.fill('#password', 'not the password at all');
    await owner.click('button[type=submit]');
    await owner.waitForSelector('#signin-error');
    await owner.fill('#password', PASSWORD);
    await owner.click('button[type=submit]');
    // Back where they were (the members page), signed in.
    await owner.waitForSelector('h1#members-title');
    await owner.waitForSelector('header >> text=owner@example.com');
  });

  it('creates an API token shown once, which works until it is revoked', async () => {
    await owner.click('header >> text=Tokens');
    await owner.waitForSelector('h1#tokens-title');
    await owner.fill('#token-name', 'ci');
    await owner.selectOption('#token-scope', 'READ');
    await owner.click('.invite-form button[type=submit]');
    await owner.waitForSelector('#token-secret');
    await owner.waitForSelector('td >> text=ci');
    await screenshot(owner, 'tokens');
    await owner.click('.invite-form >> text=Show');
    const secret = await owner.inputValue('#token-secret');
    expect(secret).toMatch(/^lp_pat_/);

    const asToken = () =>
      fetch(`${lp.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ sites { name } }' }),
      });
    const ok = (await (await asToken()).json()) as { data?: { sites: { name: string }[] } };
    expect(ok.data?.sites.map((x) => x.name)).toEqual([siteName]);

    await owner.click('tr:has-text("ci") >> text=Revoke');
    await owner.click('dialog >> button:has-text("Revoke")');
    await owner.waitForSelector('text=No API tokens yet');
    expect((await asToken()).status).toBe(401);
  });

  it("lists the team's audit log, newest first", async () => {
    await owner.click('header >> text=Audit');
    await owner.waitForSelector('h1#audit-title');
    await owner.waitForSelector('td >> text=token.revoke');
    await owner.waitForSelector('td >> text=member.invite');
    const actions = await owner.locator('td code').allTextContents();
    expect(actions[0]).toBe('token.revoke');
    await screenshot(owner, 'audit');
  });

  it('changes the password and signs out every other session from the account page', async () => {
    // A second session of the owner, in another browser.
    const { context, page } = await freshPage();
    try {
      await page.goto(`${lp.url}/`);
      await page.fill('#email', 'owner@example.com');
      await page.fill('#password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1#sites-title');

      await owner.click('header >> text=owner@example.com');
      await owner.waitForSelector('h1#account-title');
      await owner.fill('#current', 'not the password at all');
      await owner.fill('#next', 'a brand new passphrase');
      await owner.click('form:has(#current) button[type=submit]');
      await owner.waitForSelector('#password-error, #current-error');
      await owner.fill('#current', PASSWORD);
      await owner.click('form:has(#current) button[type=submit]');
      await owner.waitForSelector('#password-changed');
      await screenshot(owner, 'account');

      // The other browser's session ended: its next request sends it to the sign-in page.
      await page.reload();
      await page.waitForSelector('#email');
      // This one stays signed in.
      await owner.reload();
      await owner.waitForSelector('h1#account-title');
      await owner.click('text=Sign out everywhere else');
      await owner.waitForSelector('#sessions-note');
    } finally {
      await context.close();
    }
  });

  it('shows a refused OpenID sign-in (?signin_error=) as a sentence, and any other reason generically', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${lp.url}/?signin_error=no_account`);
      await page.waitForSelector('#signin-error');
      expect(await page.textContent('#signin-error')).toContain('no Launchpad account');
      await page.goto(`${lp.url}/?signin_error=%3Cscript%3E`);
      await page.waitForSelector('#signin-error');
      expect(await page.textContent('#signin-error')).toContain('could not finish the sign-in');
    } finally {
      await context.close();
    }
  });

  it('keeps the admin token entry for automation', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${lp.url}/`);
      await page.click('text=Use an admin token instead');
      await page.fill('#token', lp.token);
      await page.click('button[type=submit]');
      await page.waitForSelector('h1#sites-title');
      await page.waitForSelector(`text=${siteName}`);
    } finally {
      await context.close();
    }
  });
});
