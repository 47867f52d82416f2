import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launchpad, startLaunchpad } from './support/harness.js';
import { makeZip } from './support/zip.js';

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad();
});
afterAll(async () => {
  await lp?.cleanup();
});

describe('auth: every operation needs the admin token', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'wrong-token-0123456789'],
    ['a token of another length', 'x'],
  ])('refuses HTTP queries with %s', async (_label, token) => {
    const res = await lp.gql('{ sites { id } }', {}, token);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an upload mutation without a token and creates nothing', async () => {
    const zip = await makeZip([['index.html', 'x']]);
    const res = await lp.upload(
      'mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { name: 'nope', sourceType: 'ZIP', file: null } },
      { path: 'input.file', name: 'site.zip', content: zip },
      null,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await lp.gql('{ sites { id } }')).data!.sites).toEqual([]);
  });

  it('refuses multipart requests without the CSRF header', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: '{ sites { id } }' }));
    form.set('map', '{}');
    const res = await fetch(`${lp.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lp.token}` },
      body: form,
    });
    expect(res.status).toBe(403);
  });

  it('answers with the right token', async () => {
    const res = await lp.gql('{ sites { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.sites).toEqual([]);
  });

  it.each([
    ['no token', null],
    ['a wrong token', 'wrong-token-0123456789'],
  ])('refuses graphql-ws subscriptions with %s', async (_label, token) => {
    const client = lp.ws(token);
    try {
      const errors = await new Promise<unknown[]>((resolve, reject) => {
        client.subscribe(
          { query: 'subscription { siteUpdated { id } }' },
          {
            next: (msg) => (msg.errors ? resolve([...msg.errors]) : reject(new Error('got data'))),
            error: (err) => resolve(Array.isArray(err) ? err : [err]),
            complete: () => reject(new Error('completed without an error')),
          },
        );
      });
      expect((errors[0] as { extensions?: { code?: string } }).extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await client.dispose();
    }
  });

  it('serves /healthz without a token and says whether Docker answers', async () => {
    const res = await fetch(`${lp.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, docker: true });
  });

  it('answers a malformed URL with 400, not a server error', async () => {
    const res = await fetch(`${lp.url}/%E0%A4%A`);
    expect(res.status).toBe(400);
  });
});
