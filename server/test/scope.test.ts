import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../src/domain/principal.js';
import { Reads } from '../src/services/reads.js';
import { getDeploy, getSite } from '../src/services/scope.js';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { seedSites } from './support/seed.js';

let lp: BareApp;
let siteId: string;
let deployId: string;
beforeAll(async () => {
  lp = await startBareApp();
  const [site] = await seedSites(lp.app.orm.em.fork(), 3, { slugPrefix: 'scope' });
  siteId = site!.id;
  deployId = (await lp.gql(`{ site(id: "${siteId}") { currentDeploy { id } } }`)).data!.site.currentDeploy.id;
});
afterAll(async () => {
  await lp?.cleanup();
});

const caller = (principal: typeof ADMIN | null) => ({ principal, em: lp.app.orm.em.fork() });

describe('scoped reads', () => {
  it('let the admin token see every site, deploy, deploy list and delivery', async () => {
    const reads = new Reads(caller(ADMIN));
    expect(await reads.sites()).toHaveLength(3);
    expect((await reads.site(siteId))?.id).toBe(siteId);
    expect((await reads.deploy(deployId))?.siteId).toBe(siteId);
    expect(await reads.deploys({ id: siteId }, 20)).toHaveLength(3);
    expect(await reads.webhookDeliveries({ id: siteId }, 20)).toHaveLength(2);
  });

  it('show a caller without a principal nothing, even past the authentication gate', async () => {
    const reads = new Reads(caller(null));
    expect(await reads.sites()).toEqual([]);
    expect(await reads.site(siteId)).toBeNull();
    expect(await reads.siteBySlug('scope-0')).toBeNull();
    expect(await reads.deploy(deployId)).toBeNull();
    await expect(getSite(caller(null), siteId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDeploy(caller(null), deployId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('subscriptions are authorised when they start', () => {
  it.each([
    ['siteUpdated', 'subscription { siteUpdated(id: "0123456789abcdef01234567") { id } }'],
    ['deployUpdated', 'subscription { deployUpdated(id: "0123456789abcdef01234567") { id } }'],
  ])('%s of an id the principal cannot see answers NOT_FOUND at once', async (_name, query) => {
    const client = lp.ws();
    try {
      const errors = await new Promise<unknown[]>((resolve, reject) => {
        client.subscribe(
          { query },
          {
            next: (msg) => (msg.errors ? resolve([...msg.errors]) : reject(new Error('got data'))),
            error: (err) => resolve(Array.isArray(err) ? err : [err]),
            complete: () => reject(new Error('completed without an error')),
          },
        );
      });
      expect((errors[0] as { extensions?: { code?: string } }).extensions?.code).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('siteUpdated without an id delivers the changes of sites the principal sees', async () => {
    const client = lp.ws();
    try {
      const seen = new Promise<string>((resolve, reject) => {
        client.subscribe<{ siteUpdated: { id: string } }>(
          { query: 'subscription { siteUpdated { id } }' },
          { next: (m) => resolve(m.data!.siteUpdated.id), error: reject, complete: () => {} },
        );
      });
      // Rotating the secret publishes the site; retried until the subscription is in place.
      let id: string | undefined;
      void seen.then((v) => {
        id = v;
      });
      for (let i = 0; i < 50 && !id; i++) {
        await lp.gql(`mutation { rotateWebhookSecret(id: "${siteId}") { id } }`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await seen).toBe(siteId);
    } finally {
      await client.dispose();
    }
  });
});
