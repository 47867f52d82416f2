import { describe, expect, it } from 'vitest';
import { identityFromClaims, needsUserInfo } from '../src/auth/oidc/claims.js';
import { clearPendingCookie, pendingCookie, readPendingCookie } from '../src/auth/oidc/cookie.js';
import { type PendingLogin, PendingLogins } from '../src/auth/oidc/pending-logins.js';

const login = (state: string): PendingLogin => ({
  provider: 'test',
  state,
  nonce: `nonce-${state}`,
  codeVerifier: `verifier-${state}`,
  invitation: null,
});

describe('identity from claims', () => {
  it.each([
    [
      'verified e-mail in the ID token',
      { sub: 'u1', email: 'a@example.com', email_verified: true, name: ' Ann ' },
      null,
      { email: 'a@example.com', emailVerified: true, name: 'Ann' },
    ],
    [
      'e-mail and flag from UserInfo when the ID token has neither',
      { sub: 'u1' },
      { sub: 'u1', email: 'a@example.com', email_verified: true },
      { email: 'a@example.com', emailVerified: true, name: null },
    ],
    [
      'email_verified false',
      { sub: 'u1', email: 'a@example.com', email_verified: false },
      null,
      { email: 'a@example.com', emailVerified: false },
    ],
    [
      'email_verified as a string is not a verification',
      { sub: 'u1', email: 'a@example.com', email_verified: 'true' },
      null,
      { emailVerified: false },
    ],
    ['no email_verified claim at all', { sub: 'u1', email: 'a@example.com' }, null, { emailVerified: false }],
    [
      "UserInfo's flag does not vouch for the ID token's e-mail",
      { sub: 'u1', email: 'a@example.com' },
      { sub: 'u1', email: 'b@example.com', email_verified: true },
      { email: 'a@example.com', emailVerified: false },
    ],
    [
      'a verified flag without an e-mail',
      { sub: 'u1', email_verified: true },
      null,
      { email: null, emailVerified: false },
    ],
    [
      'something that is not an e-mail',
      { sub: 'u1', email: 'not an email', email_verified: true },
      null,
      { email: null, emailVerified: false },
    ],
    [
      'an e-mail over 254 characters',
      { sub: 'u1', email: `${'a'.repeat(250)}@example.com`, email_verified: true },
      null,
      { email: null, emailVerified: false },
    ],
    ['a name that is not a string', { sub: 'u1', name: { first: 'x' } }, null, { name: null }],
  ])('%s', (_, idToken, userInfo, expected) => {
    expect(identityFromClaims('test', idToken, userInfo)).toMatchObject({
      provider: 'test',
      subject: 'u1',
      ...expected,
    });
  });

  it('asks UserInfo only when the ID token has no e-mail', () => {
    expect(needsUserInfo({ sub: 'u1' })).toBe(true);
    expect(needsUserInfo({ sub: 'u1', email: 'a@example.com' })).toBe(false);
  });
});

describe('pending logins', () => {
  it('gives a login back once, to the browser that started it', () => {
    const pending = new PendingLogins({ ttlMs: 1000, max: 10 });
    const secret = pending.add(login('s1'));
    expect(pending.take('s1', secret)).toEqual({ ok: true, login: login('s1') });
    expect(pending.take('s1', secret)).toEqual({ ok: false, reason: 'state_mismatch' });
  });

  it('refuses another browser and spends the login doing so', () => {
    const pending = new PendingLogins({ ttlMs: 1000, max: 10 });
    const secret = pending.add(login('s1'));
    const other = pending.add(login('s2'));
    expect(pending.take('s1', other)).toEqual({ ok: false, reason: 'state_mismatch' });
    expect(pending.take('s1', secret)).toEqual({ ok: false, reason: 'state_mismatch' });
    expect(pending.take('s2', null)).toEqual({ ok: false, reason: 'state_mismatch' });
  });

  it('says a late callback expired, and forgets it a lifetime later', () => {
    let now = 0;
    const pending = new PendingLogins({ ttlMs: 1000, max: 10, now: () => now });
    const late = pending.add(login('late'));
    const forgotten = pending.add(login('forgotten'));
    now = 1000;
    expect(pending.take('late', late)).toEqual({ ok: false, reason: 'login_expired' });
    now = 2001;
    pending.add(login('new'));
    expect(pending.size).toBe(1);
    expect(pending.take('forgotten', forgotten)).toEqual({ ok: false, reason: 'state_mismatch' });
  });

  it('memory bound: a flood of started sign-ins keeps at most `max`, dropping the oldest', () => {
    const pending = new PendingLogins({ ttlMs: 60_000, max: 3 });
    const secrets = ['a', 'b', 'c', 'd'].map((s) => pending.add(login(s)));
    expect(pending.size).toBe(3);
    expect(pending.take('a', secrets[0]!).ok).toBe(false);
    expect(pending.take('d', secrets[3]!).ok).toBe(true);
  });
});

describe('pending-login cookie', () => {
  it('is HttpOnly and SameSite=Lax, and __Host- and Secure on https', () => {
    expect(pendingCookie(false, 'v', 600)).toBe(
      'launchpad_oidc=v; Path=/; Max-Age=600; HttpOnly; SameSite=Lax',
    );
    expect(pendingCookie(true, 'v', 600)).toBe(
      '__Host-launchpad_oidc=v; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
    );
    expect(clearPendingCookie(true)).toMatch(/^__Host-launchpad_oidc=; Path=\/; Max-Age=0;/);
  });

  it.each([
    [undefined, false, null],
    ['launchpad_oidc=abcdefghijklmnop0123', false, 'abcdefghijklmnop0123'],
    ['other=1; launchpad_oidc=abcdefghijklmnop0123; x=2', false, 'abcdefghijklmnop0123'],
    // Cookie tossing: on https only the __Host- cookie, which a sibling subdomain cannot set, counts.
    ['launchpad_oidc=abcdefghijklmnop0123', true, null],
    ['__Host-launchpad_oidc=abcdefghijklmnop0123', true, 'abcdefghijklmnop0123'],
    ['launchpad_oidc=short', false, null],
    ['launchpad_oidc=not base64url!!!!!!!!', false, null],
  ])('reads %s (https %s) as %s', (header, secure, expected) => {
    expect(readPendingCookie(header, secure)).toBe(expected);
  });
});
