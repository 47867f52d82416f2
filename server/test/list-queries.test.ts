import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { seedSites } from './support/seed.js';

// Rows are written straight into the database: nothing is built or served, so no Docker object is made.
const LIST = /* GraphQL */ `{
  sites {
    id slug url domains
    currentDeploy { id status permalink site { id slug } }
    deploys(first: 1) { id number status permalink sourceDeploy { id } }
    webhookDeliveries(first: 1) { id outcome deploy { id number } }
  }
}`;

let lp: BareApp;
let statements: string[] = [];

beforeAll(async () => {
  lp = await startBareApp();
  // Every SQL statement the ORM sends, whichever EntityManager fork sends it.
  lp.app.orm.em.getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
});
afterAll(async () => {
  await lp?.cleanup();
});

async function countStatements(query: string): Promise<{ sites: number; statements: string[] }> {
  statements = [];
  const body = await lp.gql<{ sites: unknown[] }>(query);
  expect(body.errors).toBeUndefined();
  return { sites: body.data!.sites.length, statements: [...statements] };
}

describe('listing sites: N+1 queries', () => {
  it('issues as many SQL statements for 100 sites as for 2 (currentDeploy, deploys, webhookDeliveries)', async () => {
    await seedSites(lp.app.orm.em.fork(), 2, { slugPrefix: 'few' });
    const few = await countStatements(LIST);
    expect(few.sites).toBe(2);

    await seedSites(lp.app.orm.em.fork(), 98, { slugPrefix: 'many' });
    const many = await countStatements(LIST);
    expect(many.sites).toBe(100);
    expect(many.statements.length).toBe(few.statements.length);
    // Batched: one statement per relation and nesting level (sites, newest deploys, newest deliveries,
    // deploys by id, sites by id), a handful in all.
    expect(many.statements.length).toBeLessThanOrEqual(8);
  });

  it('answers each site with its own newest deploy and delivery', async () => {
    const { data } = await lp.gql<{ sites: ListedSite[] }>(LIST);
    const seeded = await lp.app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; current_deploy_id: string }[]>('select id, current_deploy_id from sites');
    const current = new Map(seeded.map((r) => [r.id, r.current_deploy_id]));
    for (const site of data!.sites) {
      expect(site.currentDeploy.id).toBe(current.get(site.id));
      expect(site.domains).toEqual([`${site.slug}.example.com`]);
      expect(site.currentDeploy.site).toEqual({ id: site.id, slug: site.slug });
      expect(site.currentDeploy.permalink).toContain(`--${site.slug}.`);
      // The seed makes three deploys per site; the newest is the live, current one.
      expect(site.deploys).toEqual([
        expect.objectContaining({ id: site.currentDeploy.id, number: 3, status: 'LIVE' }),
      ]);
      expect(site.webhookDeliveries).toHaveLength(1);
      expect(site.webhookDeliveries[0]!.deploy?.number).toBe(2); // the second (newest) delivery
    }
  });
});

interface ListedSite {
  id: string;
  slug: string;
  domains: string[];
  currentDeploy: { id: string; permalink: string; site: { id: string; slug: string } };
  deploys: { id: string; number: number; status: string }[];
  webhookDeliveries: { id: string; deploy: { number: number } | null }[];
}
