import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDeliveryEntity } from '../src/db/entities.js';
import type { Orm } from '../src/db/orm.js';
import type { Site } from '../src/domain/model.js';
import { createEventBus } from '../src/events/pubsub.js';
import { DeliveryBudget } from '../src/services/delivery-budget.js';
import type { SiteService } from '../src/services/sites.js';
import { KEEP_UNDEPLOYED_DELIVERIES, WebhookService } from '../src/services/webhooks.js';
import { seedSites } from './support/seed.js';
import { openTestDatabase } from './support/test-database.js';

// The bound on stored deliveries over time (lifecycle.test.ts floods a live server within one window):
// across many windows, only the newest KEEP_UNDEPLOYED_DELIVERIES rejected rows of a site stay. A real
// database; the site service is never reached, since no delivery here is signed.

let dir: string;
let orm: Orm;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'launchpad-deliveries-'));
  orm = await openTestDatabase(dir);
});
afterAll(async () => {
  await orm?.close(true);
  await rm(dir, { recursive: true, force: true });
});

describe('rejected deliveries over many windows', () => {
  it('rejected deliveries flood across windows: only the newest rows of a site are kept', async () => {
    const em = orm.em.fork();
    const [site] = (await seedSites(em, 1, { deploysPerSite: 0, deliveriesPerSite: 0 })) as [Site];
    let clock = Date.now();
    // Ten stored rows per one-minute window; every delivery opens a new window.
    const budget = new DeliveryBudget({ rows: 10, windowMs: 60_000, writeEveryMs: 1000 }, () => clock);
    const hooks = new WebhookService(null as unknown as SiteService, createEventBus(), budget);
    const receive = (i: number) =>
      hooks.receive(orm.em.fork(), {
        siteId: site.id,
        event: 'push',
        deliveryId: `flood-${i}`,
        signature: undefined,
        rawBody: Buffer.from('{}'),
      });
    for (let i = 0; i < KEEP_UNDEPLOYED_DELIVERIES + 50; i++) {
      expect((await receive(i)).status).toBe(401);
      clock += 61_000;
    }
    const kept = new Set(
      (await orm.em.fork().find(WebhookDeliveryEntity, { siteId: site.id })).map((r) => r.deliveryId),
    );
    expect(kept.size).toBe(KEEP_UNDEPLOYED_DELIVERIES);
    // Rows stored in the same millisecond may trade places at the cut; far from it, the order is clear.
    for (let i = 0; i < 40; i++) expect(kept.has(`flood-${i}`), `flood-${i}`).toBe(false);
    for (let i = 60; i < 150; i++) expect(kept.has(`flood-${i}`), `flood-${i}`).toBe(true);
  });
});
