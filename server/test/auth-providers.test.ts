import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, gqlAs } from './support/accounts.js';
import { type BareApp, startBareApp } from './support/bare-app.js';

// The one query a signed-out page may run: the sign-in buttons. It must not open anything else.

let lp: BareApp;

beforeAll(async () => {
  lp = await startBareApp({
    LAUNCHPAD_OIDC_PROVIDERS: 'corp',
    // Never contacted here: discovery happens when a sign-in starts.
    LAUNCHPAD_OIDC_CORP_ISSUER: 'http://127.0.0.1:9/issuer',
    LAUNCHPAD_OIDC_CORP_CLIENT_ID: 'launchpad',
    LAUNCHPAD_OIDC_CORP_CLIENT_SECRET: 'client-secret-never-shown',
    LAUNCHPAD_OIDC_CORP_LABEL: 'Example SSO',
  });
});
afterAll(async () => {
  await lp?.cleanup();
});

describe('authProviders without a principal', () => {
  it('lists the configured providers by name and label, and never the client secret', async () => {
    const answer = await gqlAs(lp.url, null, '{ authProviders { name label } }');
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ authProviders: [{ name: 'corp', label: 'Example SSO' }] });
    expect(JSON.stringify(answer)).not.toContain('client-secret-never-shown');
  });

  it('smuggling another field next to it (sites, viewer, an alias) is UNAUTHENTICATED', async () => {
    for (const query of [
      '{ authProviders { name } sites { id } }',
      '{ authProviders { name } viewer { teams { id } } }',
      '{ sites: authProviders { name } }',
      '{ ...F } fragment F on Query { authProviders { name } }',
    ]) {
      expect(codeOf(await gqlAs(lp.url, null, query)), query).toBe('UNAUTHENTICATED');
    }
  });
});
