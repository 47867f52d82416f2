import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readCookie, sessionCookie } from '../src/accounts/cookies.js';
import { newApiToken, secretHash } from '../src/accounts/secrets.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { isPublicOperation } from '../src/http/auth-gate.js';
import { sameOrigin } from '../src/http/principal.js';

describe('session cookie', () => {
  it.each([
    ['launchpad_session=abc_-1', 'abc_-1'],
    ['a=1; launchpad_session=xyz; b=2', 'xyz'],
    ['launchpad_session_other=xyz', null],
    ['launchpad_session=bad value', null],
    [`launchpad_session=${'a'.repeat(129)}`, null],
    [undefined, null],
  ])('reads %s as %s', (header, expected) => {
    expect(readCookie(header, 'launchpad_session')).toBe(expected);
  });

  it('is HttpOnly, SameSite=Lax, and Secure only when asked', () => {
    expect(sessionCookie('s', { secure: false, maxAgeSeconds: 60 })).toBe(
      'launchpad_session=s; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie('s', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/^launchpad_session=; .*Max-Age=0/);
  });
});

describe('Origin check for cookie requests', () => {
  it.each([
    ['http://127.0.0.1:8080', '127.0.0.1:8080', null, true],
    ['http://launchpad.example.com', 'launchpad.example.com', null, true],
    ['http://evil.example.com', 'launchpad.example.com', null, false],
    ['https://launchpad.example.com', 'internal:8080', 'https://launchpad.example.com', true],
    ['https://site.launchpad.example.com', 'internal:8080', 'https://launchpad.example.com', false],
    ['null', 'launchpad.example.com', null, false],
    ['file://launchpad.example.com', 'launchpad.example.com', null, false],
  ])('%s to host %s (public %s): %s', (origin, host, publicUrl, expected) => {
    expect(sameOrigin(origin, host, publicUrl)).toBe(expected);
  });
});

describe('operations a request without a principal may run', () => {
  it.each([
    ['mutation { signIn(email: "a", password: "b") { id } }', true],
    ['mutation { signUp(email: "a", password: "b") { id } signOut }', true],
    ['mutation { signIn(email: "a", password: "b") { id } deleteSite(id: "x") }', false],
    ['mutation { x: signIn(email: "a", password: "b") { id } }', false],
    ['{ sites { id } }', false],
    ['subscription { siteUpdated { id } }', false],
    ['mutation { ...F } fragment F on Mutation { signOut }', false],
    ['{ authProviders { name label } }', true],
    ['query Providers { authProviders { name } }', true],
    ['{ authProviders { name } sites { id } }', false],
    ['{ a: authProviders { name } }', false],
    ['mutation { authProviders }', false],
    ['subscription { authProviders { name } }', false],
  ])('%s: %s', (query, expected) => {
    expect(isPublicOperation(parse(query))).toBe(expected);
  });
});

describe('API token secrets', () => {
  it('start with lp_pat_, show a short prefix, and are stored as their SHA-256 only', () => {
    const { secret, prefix, hash } = newApiToken();
    expect(secret).toMatch(/^lp_pat_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(13);
    expect(hash).toBe(secretHash(secret));
    expect(hash).not.toContain(secret.slice(7, 20));
  });
});

describe('accounts configuration', () => {
  it('reads LAUNCHPAD_SIGNUP and LAUNCHPAD_SMTP_URL, refusing bad values without echoing a password', () => {
    expect(loadConfig({}).signup).toBe('invite');
    expect(loadConfig({ LAUNCHPAD_SIGNUP: 'open' }).signup).toBe('open');
    expect(() => loadConfig({ LAUNCHPAD_SIGNUP: 'anyone' })).toThrow(ConfigError);
    expect(loadConfig({ LAUNCHPAD_SMTP_URL: 'smtp://u:p@mail:25' }).smtpUrl).toBe('smtp://u:p@mail:25');
    expect(() => loadConfig({ LAUNCHPAD_SMTP_URL: 'http://u:hunter2@mail' })).toThrow(/^(?!.*hunter2)/);
    expect(() => loadConfig({ LAUNCHPAD_SMTP_URL: 'http://u:hunter2@mail' })).toThrow(ConfigError);
  });
});
