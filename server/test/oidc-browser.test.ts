import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, type AppParts, buildApp } from '../src/app.js';
import type { VerifiedIdentity } from '../src/auth/identity.js';
import { loadConfig } from '../src/config.js';
import { gqlAs, signUp } from './support/accounts.js';
import { CHROMIUM, launchChromium } from './support/chromium.js';
import { HttpBrowser } from './support/http-browser.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { testDatabaseEnv } from './support/test-database.js';

// OpenID Connect sign-in through the whole control plane (buildApp, its HTTP server and routes) and a real
// provider: in Chromium as a person does it, and over HTTP for the app's own default sign-in.

interface Running {
  app: App;
  url: string;
  dataDir: string;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A control plane on `port` with the test provider configured as "test", from the environment. */
async function startApp(port: number, provider: TestOidcProvider, parts?: AppParts): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'launchpad-oidc-'));
  const app = await buildApp(
    loadConfig({
      LAUNCHPAD_PORT: String(port),
      LAUNCHPAD_DATA: dataDir,
      ...(await testDatabaseEnv(dataDir)),
      LAUNCHPAD_NETWORK: `lp-test-${randomBytes(4).toString('hex')}`,
      LAUNCHPAD_ADMIN_TOKEN: 'test-token-0123456789abcdef',
      LAUNCHPAD_OIDC_PROVIDERS: 'test',
      LAUNCHPAD_OIDC_TEST_ISSUER: provider.issuer,
      LAUNCHPAD_OIDC_TEST_CLIENT_ID: provider.clientId,
      LAUNCHPAD_OIDC_TEST_CLIENT_SECRET: provider.clientSecret,
      LAUNCHPAD_OIDC_TEST_LABEL: 'Test provider',
    }),
    parts,
  );
  const { url } = await app.start();
  return { app, url, dataDir };
}

async function stopApp(running: Running | undefined): Promise<void> {
  if (!running) return;
  await running.app.stop();
  await rm(running.dataDir, { recursive: true, force: true });
}

let provider: TestOidcProvider;
let withAccounts: Running;
let realAccounts: Running;
const identities: VerifiedIdentity[] = [];
const session = `launchpad_session=${randomBytes(16).toString('hex')}`;

beforeAll(async () => {
  const [port, bare] = [await freePort(), await freePort()];
  provider = await startOidcProvider(
    [port, bare].map((p) => `http://127.0.0.1:${p}/auth/oidc/test/callback`),
    { alice: { email: 'alice@example.com', email_verified: true, name: 'Alice Example' } },
  );
  // One app with a stand-in IdentitySignIn that records what the OIDC side hands over (a session for anyone
  // the provider vouches for with a verified e-mail), one with accounts' own.
  withAccounts = await startApp(port, provider, {
    identitySignIn: async (identity) => {
      identities.push(identity);
      return identity.emailVerified
        ? { ok: true, setCookie: `${session}; Path=/; HttpOnly; SameSite=Lax` }
        : { ok: false, reason: 'email_unverified' };
    },
  });
  realAccounts = await startApp(bare, provider);
});

afterAll(async () => {
  await stopApp(withAccounts);
  await stopApp(realAccounts);
  await provider?.stop();
});

describe('OpenID Connect sign-in in the control plane', () => {
  it('refuses with no_account an identity that links to no account, invitation or e-mail (accounts sign-in)', async () => {
    const browser = new HttpBrowser();
    const { url } = realAccounts;
    const start = await browser.get(`${url}/auth/oidc/test`);
    expect(start.status).toBe(302);
    const isCallback = (u: URL) => u.origin === url && u.pathname === '/auth/oidc/test/callback';
    let step = await browser.follow(`${url}/auth/oidc/test`, isCallback, start);
    while ('page' in step) {
      const fields: Record<string, string> = step.html.includes('name="login"')
        ? { login: 'alice', password: 'any' }
        : {};
      step = await browser.follow(
        step.page.href,
        isCallback,
        await browser.submitForm(step.page, step.html, fields),
      );
    }
    const res = await browser.get(step.stoppedAt.href);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?signin_error=no_account');
  });

  it('takes no bearer at /auth/oidc and answers 404 for a provider that is not configured', async () => {
    const res = await fetch(`${realAccounts.url}/auth/oidc/github`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    const known = await fetch(`${realAccounts.url}/auth/oidc/test`, { redirect: 'manual' });
    expect(known.status).toBe(302);
    expect(new URL(known.headers.get('location')!).origin).toBe(provider.issuer);
  });
});

// CI installs Chromium (.ci/run) and must run this; elsewhere a missing browser skips it with a reason.
if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('OpenID Connect sign-in in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in through the provider login page and lands on / with the session cookie; a replay is refused', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The provider's development pages import a web font; there is no internet here.
    await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
    const callbacks: string[] = [];
    page.on('request', (req) => {
      if (req.url().startsWith(`${withAccounts.url}/auth/oidc/test/callback`)) callbacks.push(req.url());
    });
    // The dashboard has no provider button yet (accounts' dashboard work): start where the button will go.
    await page.goto(`${withAccounts.url}/auth/oidc/test`);
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.click('button:has-text("Continue")'); // the provider's consent page
    await page.waitForURL(`${withAccounts.url}/`);

    expect(identities.at(-1)).toEqual({
      provider: 'test',
      subject: 'alice',
      email: 'alice@example.com',
      emailVerified: true,
      name: 'Alice Example',
    });
    const cookies = await context.cookies(withAccounts.url);
    const sessionCookie = cookies.find((c) => c.name === 'launchpad_session');
    expect(`${sessionCookie?.name}=${sessionCookie?.value}`).toBe(session);
    expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'launchpad_oidc')).toBeUndefined();

    // The same callback again, as from the history or a leaked URL: refused, no new session.
    expect(callbacks).toHaveLength(1);
    const signIns = identities.length;
    await page.goto(callbacks[0]!);
    expect(page.url()).toBe(`${withAccounts.url}/?signin_error=state_mismatch`);
    expect(identities).toHaveLength(signIns);
    await context.close();
  });

  it("signs a real account in through the provider (same verified e-mail): its session reads that account's sites", async () => {
    const { url } = realAccounts;
    // The first sign-up owns the first team; the provider then vouches for the same, verified e-mail.
    await signUp(url, 'alice@example.com', 'correct horse battery staple');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
    await page.goto(`${url}/auth/oidc/test`);
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.click('button:has-text("Continue")');
    await page.waitForURL(`${url}/`);

    const cookie = (await context.cookies(url)).find((c) => c.name === 'launchpad_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const answer = await gqlAs<{
      viewer: { user: { email: string }; teams: { id: string }[] };
      sites: unknown[];
    }>(
      url,
      { cookie: `launchpad_session=${cookie!.value}` },
      '{ viewer { user { email } teams { id } } sites { id } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.viewer.user.email).toBe('alice@example.com');
    expect(answer.data!.viewer.teams).toHaveLength(1);
    expect(answer.data!.sites).toEqual([]);
    await context.close();
  });
});
