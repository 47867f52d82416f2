import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const GOOD = {
  LAUNCHPAD_OIDC_PROVIDERS: 'Google, corp_sso',
  LAUNCHPAD_OIDC_GOOGLE_ISSUER: 'https://accounts.google.com',
  LAUNCHPAD_OIDC_GOOGLE_CLIENT_ID: 'google-client',
  LAUNCHPAD_OIDC_GOOGLE_CLIENT_SECRET: 'google-secret-value',
  LAUNCHPAD_OIDC_CORP_SSO_ISSUER: 'https://sso.example.com/realms/corp',
  LAUNCHPAD_OIDC_CORP_SSO_CLIENT_ID: 'launchpad',
  LAUNCHPAD_OIDC_CORP_SSO_CLIENT_SECRET: 'corp-secret-value',
  LAUNCHPAD_OIDC_CORP_SSO_LABEL: 'Corporate SSO',
};

describe('OpenID provider settings', () => {
  it('has none unless LAUNCHPAD_OIDC_PROVIDERS lists some', () => {
    expect(loadConfig({}).oidcProviders).toEqual([]);
  });

  it('reads every listed provider, names lower case, label defaulting to the name', () => {
    const [google, corp] = loadConfig(GOOD).oidcProviders;
    expect(google).toMatchObject({
      name: 'google',
      issuer: 'https://accounts.google.com',
      clientId: 'google-client',
      label: 'Google',
    });
    expect(google!.clientSecret).toBe('google-secret-value');
    expect(corp).toMatchObject({ name: 'corp_sso', label: 'Corporate SSO', clientId: 'launchpad' });
  });

  it('allows plain http for an issuer on loopback only', () => {
    const env = { ...GOOD, LAUNCHPAD_OIDC_PROVIDERS: 'google' };
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:9000/oidc', 'http://[::1]:9000']) {
      expect(loadConfig({ ...env, LAUNCHPAD_OIDC_GOOGLE_ISSUER: issuer }).oidcProviders[0]!.issuer).toBe(
        issuer,
      );
    }
  });

  it('secret leak: the client secret is in no serialised or logged form of the configuration', () => {
    const config = loadConfig(GOOD);
    expect(JSON.stringify(config)).not.toContain('secret-value');
    expect(inspect(config, { depth: 10 })).not.toContain('secret-value');
  });

  it.each([
    ['LAUNCHPAD_OIDC_PROVIDERS', { LAUNCHPAD_OIDC_PROVIDERS: 'google,google' }],
    ['LAUNCHPAD_OIDC_PROVIDERS', { LAUNCHPAD_OIDC_PROVIDERS: 'bad-name' }],
    ['LAUNCHPAD_OIDC_PROVIDERS', { LAUNCHPAD_OIDC_PROVIDERS: '1google' }],
    ['LAUNCHPAD_OIDC_PROVIDERS', { LAUNCHPAD_OIDC_PROVIDERS: '../x' }],
    ['LAUNCHPAD_OIDC_GITLAB_ISSUER', { LAUNCHPAD_OIDC_PROVIDERS: 'google,gitlab' }],
    ['LAUNCHPAD_OIDC_GOOGLE_ISSUER', { LAUNCHPAD_OIDC_GOOGLE_ISSUER: 'not a url' }],
    ['LAUNCHPAD_OIDC_GOOGLE_ISSUER', { LAUNCHPAD_OIDC_GOOGLE_ISSUER: 'http://accounts.example.com' }],
    ['LAUNCHPAD_OIDC_GOOGLE_ISSUER', { LAUNCHPAD_OIDC_GOOGLE_ISSUER: 'https://u:p@accounts.example.com' }],
    ['LAUNCHPAD_OIDC_GOOGLE_ISSUER', { LAUNCHPAD_OIDC_GOOGLE_ISSUER: 'https://accounts.example.com/?x=1' }],
    ['LAUNCHPAD_OIDC_GOOGLE_CLIENT_ID', { LAUNCHPAD_OIDC_GOOGLE_CLIENT_ID: '' }],
    ['LAUNCHPAD_OIDC_GOOGLE_CLIENT_SECRET', { LAUNCHPAD_OIDC_GOOGLE_CLIENT_SECRET: ' ' }],
    ['LAUNCHPAD_OIDC_CORP_SSO_LABEL', { LAUNCHPAD_OIDC_CORP_SSO_LABEL: 'x'.repeat(65) }],
  ])('stops the start on a bad %s, naming it', (variable, change) => {
    const env = { ...GOOD, ...change };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}: `));
  });

  it('never repeats a secret in its error message', () => {
    const env = { ...GOOD, LAUNCHPAD_OIDC_CORP_SSO_ISSUER: 'ftp://sso.example.com' };
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('secret-value');
    }
  });
});
