import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdentitySignIn, SignInRequest, VerifiedIdentity } from '../src/auth/identity.js';
import { readOidcProviders } from '../src/auth/oidc/settings.js';
import { oidcRoutes } from '../src/http/oidc-routes.js';
import { HttpBrowser } from './support/http-browser.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';

// The whole sign-in round trip over real HTTP: Launchpad's OIDC routes on loopback, a real OpenID provider
// (oidc-provider) on another port, and a cookie-keeping client that fills in the provider's forms.

const ACCOUNTS = {
  alice: { email: 'alice@example.com', email_verified: true, name: 'Alice Example' },
  bob: { email: 'bob@example.com', email_verified: false, name: 'Bob' },
  carol: { name: 'Carol, no e-mail' },
};
const SESSION = 'launchpad_session=s3ss10n; Path=/; HttpOnly; SameSite=Lax';

interface Launchpad {
  url: string;
  server: Server;
}

/** What the injected IdentitySignIn was handed; it signs in verified e-mails only, as accounts does. */
const calls: { identity: VerifiedIdentity; request: SignInRequest }[] = [];
const signIn: IdentitySignIn = async (identity, request) => {
  calls.push({ identity, request });
  return identity.emailVerified
    ? { ok: true, setCookie: SESSION }
    : { ok: false, reason: 'email_unverified' };
};

let provider: TestOidcProvider;
let lp: Launchpad;
let lpExpiring: Launchpad;

/** Launchpad's OIDC routes alone on a loopback port, configured from the environment as at start. */
async function startRoutes(port: number, pendingTtlMs?: number): Promise<Launchpad> {
  const url = `http://127.0.0.1:${port}`;
  const providers = readOidcProviders({
    LAUNCHPAD_OIDC_PROVIDERS: 'test,other',
    LAUNCHPAD_OIDC_TEST_ISSUER: provider.issuer,
    LAUNCHPAD_OIDC_TEST_CLIENT_ID: provider.clientId,
    LAUNCHPAD_OIDC_TEST_CLIENT_SECRET: provider.clientSecret,
    // A second provider, to complete sign-ins at the wrong one's callback.
    LAUNCHPAD_OIDC_OTHER_ISSUER: provider.issuer,
    LAUNCHPAD_OIDC_OTHER_CLIENT_ID: provider.clientId,
    LAUNCHPAD_OIDC_OTHER_CLIENT_SECRET: provider.clientSecret,
  });
  const routes = oidcRoutes({ providers, publicUrl: () => url, signIn, pendingTtlMs });
  const server = createServer(async (req, res) => {
    if (!(await routes(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url, server };
}

/** A free loopback port: the provider must know the redirect URI before Launchpad listens on it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts a sign-in at Launchpad and signs in at the provider as `login`, consenting; returns the callback
 * URL the provider sends the browser to, not yet visited, and the authorization URL it went to.
 */
async function signInAtProvider(
  browser: HttpBrowser,
  login: string,
  base = lp.url,
  query = '',
): Promise<{ callback: URL; authorization: URL }> {
  const start = await browser.get(`${base}/auth/oidc/test${query}`);
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get('location')!);
  const isCallback = (u: URL) => u.origin === base && u.pathname === '/auth/oidc/test/callback';
  let step = await browser.follow(`${base}/auth/oidc/test`, isCallback, start);
  for (let pages = 0; 'page' in step; pages += 1) {
    if (pages > 3) throw new Error(`stuck at ${step.page.href}`);
    const fields: Record<string, string> = step.html.includes('name="login"')
      ? { login, password: 'any' }
      : {};
    const posted = await browser.submitForm(step.page, step.html, fields);
    step = await browser.follow(step.page.href, isCallback, posted);
  }
  return { callback: step.stoppedAt, authorization };
}

beforeAll(async () => {
  const [port, expiringPort] = [await freePort(), await freePort()];
  provider = await startOidcProvider(
    [port, expiringPort].map((p) => `http://127.0.0.1:${p}/auth/oidc/test/callback`),
    ACCOUNTS,
  );
  lp = await startRoutes(port);
  lpExpiring = await startRoutes(expiringPort, 1);
});

afterAll(async () => {
  for (const { server } of [lp, lpExpiring]) {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
  await provider?.stop();
});

beforeEach(() => {
  calls.length = 0;
});

describe('OpenID Connect sign-in against a real provider', () => {
  it('signs in: PKCE, state and nonce out, the verified identity to signIn, its cookie and / back', async () => {
    const browser = new HttpBrowser();
    const { callback, authorization } = await signInAtProvider(browser, 'alice');
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorization.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(authorization.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(authorization.searchParams.get('scope')).toBe('openid email profile');
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${lp.url}/auth/oidc/test/callback`);

    const res = await browser.get(callback.href);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const cookies = res.headers.getSetCookie();
    expect(cookies).toContain(SESSION);
    expect(cookies.some((c) => /^launchpad_oidc=;.*Max-Age=0/.test(c))).toBe(true);
    expect(calls).toEqual([
      {
        identity: {
          provider: 'test',
          subject: 'alice',
          email: 'alice@example.com',
          emailVerified: true,
          name: 'Alice Example',
        },
        request: { ip: '127.0.0.1', invitation: null },
      },
    ]);
  });

  it('sets the pending-login cookie HttpOnly and SameSite=Lax, and keeps nothing of the flow in it', async () => {
    const res = await new HttpBrowser().get(`${lp.url}/auth/oidc/test`);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(
      /^launchpad_oidc=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    const authorization = new URL(res.headers.get('location')!);
    for (const param of ['state', 'nonce', 'code_challenge']) {
      expect(cookie).not.toContain(authorization.searchParams.get(param));
    }
  });

  it('refuses a replayed callback, even with the pending-login cookie it came with', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice');
    const pending = browser.cookie(lp.url, 'launchpad_oidc')!;
    expect((await browser.get(callback.href)).headers.get('location')).toBe('/');
    browser.setCookie(lp.url, 'launchpad_oidc', pending);
    const replay = await browser.get(callback.href);
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toBe('/?signin_error=state_mismatch');
    expect(replay.headers.getSetCookie().join('\n')).not.toContain('launchpad_session');
    expect(calls).toHaveLength(1);
  });

  it('refuses a replayed code carried into a fresh sign-in (the provider spent it)', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice');
    expect((await browser.get(callback.href)).headers.get('location')).toBe('/');
    // A new sign-in in the same browser: its state is valid, the code is the spent one.
    const fresh = await browser.get(`${lp.url}/auth/oidc/test`);
    const state = new URL(fresh.headers.get('location')!).searchParams.get('state')!;
    const replay = new URL(callback);
    replay.searchParams.set('state', state);
    const res = await browser.get(replay.href);
    expect(res.headers.get('location')).toBe('/?signin_error=code_rejected');
    expect(calls).toHaveLength(1);
  });

  it('refuses a state mismatch and spends nothing for it', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-the-state-we-sent-0123456789');
    const res = await browser.get(forged.href);
    expect(res.headers.get('location')).toBe('/?signin_error=state_mismatch');
    expect(calls).toHaveLength(0);
  });

  it("mix-up: a sign-in started with one provider is refused at another provider's callback", async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice');
    const elsewhere = new URL(`${lp.url}/auth/oidc/other/callback${callback.search}`);
    expect((await browser.get(elsewhere.href)).headers.get('location')).toBe('/?signin_error=state_mismatch');
    // Spent: the right callback no longer works either.
    expect((await browser.get(callback.href)).headers.get('location')).toBe('/?signin_error=state_mismatch');
    expect(calls).toHaveLength(0);
  });

  it('login CSRF: a callback started in another browser is refused in this one', async () => {
    const attacker = new HttpBrowser();
    const { callback } = await signInAtProvider(attacker, 'alice');
    const victim = new HttpBrowser();
    await victim.get(`${lp.url}/auth/oidc/test`); // the victim has a pending login of its own
    const res = await victim.get(callback.href);
    expect(res.headers.get('location')).toBe('/?signin_error=state_mismatch');
    // …and the attacker's own login was spent by the attempt.
    expect((await attacker.get(callback.href)).headers.get('location')).toBe('/?signin_error=state_mismatch');
    expect(calls).toHaveLength(0);
  });

  it('hands an unverified e-mail over as emailVerified false, and signIn refuses it', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'bob');
    const answer = await browser.get(callback.href);
    expect(answer.headers.get('location')).toBe('/?signin_error=email_unverified');
    expect(calls.map((c) => c.identity)).toEqual([
      { provider: 'test', subject: 'bob', email: 'bob@example.com', emailVerified: false, name: 'Bob' },
    ]);
  });

  it('hands a missing e-mail over as null and unverified', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'carol');
    expect((await browser.get(callback.href)).headers.get('location')).toBe(
      '/?signin_error=email_unverified',
    );
    expect(calls.map((c) => c.identity)).toEqual([
      { provider: 'test', subject: 'carol', email: null, emailVerified: false, name: 'Carol, no e-mail' },
    ]);
  });

  it('carries an invitation token through the provider round trip', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice', lp.url, '?invitation=inv_0123456789abcdef');
    expect((await browser.get(callback.href)).headers.get('location')).toBe('/');
    expect(calls[0]!.request).toEqual({ ip: '127.0.0.1', invitation: 'inv_0123456789abcdef' });
  });

  it('refuses a malformed invitation before going to the provider', async () => {
    const res = await new HttpBrowser().get(
      `${lp.url}/auth/oidc/test?invitation=${encodeURIComponent('<x>')}`,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?signin_error=invitation_invalid');
  });

  it('refuses a sign-in that took longer than the pending login lives', async () => {
    const browser = new HttpBrowser();
    const { callback } = await signInAtProvider(browser, 'alice', lpExpiring.url);
    const res = await browser.get(callback.href);
    expect(res.headers.get('location')).toBe('/?signin_error=login_expired');
    expect(calls).toHaveLength(0);
  });

  it('sends the person back with provider_denied when they cancel at the provider', async () => {
    const browser = new HttpBrowser();
    const start = await browser.get(`${lp.url}/auth/oidc/test`);
    const step = await browser.follow(`${lp.url}/auth/oidc/test`, () => false, start);
    if (!('page' in step)) throw new Error('expected the provider login page');
    const abort = /href="([^"]*\/abort)"/.exec(step.html)![1]!;
    const back = await browser.follow(new URL(abort, step.page).href, (u) => u.origin === lp.url);
    if (!('stoppedAt' in back)) throw new Error('expected a redirect back to Launchpad');
    expect(back.stoppedAt.searchParams.get('error')).toBe('access_denied');
    const res = await browser.get(back.stoppedAt.href);
    expect(res.headers.get('location')).toBe('/?signin_error=provider_denied');
    expect(calls).toHaveLength(0);
  });

  it('answers 404 for a provider that is not configured, at both routes', async () => {
    for (const path of ['/auth/oidc/nope', '/auth/oidc/nope/callback?code=x&state=y']) {
      const res = await fetch(`${lp.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('answers 405 to anything but GET', async () => {
    const res = await fetch(`${lp.url}/auth/oidc/test`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(405);
  });
});
