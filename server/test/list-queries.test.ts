import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { seedSites } from './support/seed.js';

// Rows are written straight into the database: nothing is built or served, so no Docker object is made.
const TOKEN = 'test-token-0123456789abcdef';
const LIST = /* GraphQL */ `{
  sites {
    id slug url domains
    currentDeploy { id status permalink site { id slug } }
    deploys(first: 1) { id number status permalink sourceDeploy { id } }
    webhookDeliveries(first: 1) { id outcome deploy { id number } }
  }
}`;

let app: App;
let url: string;
let dataDir: string;
let statements: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'launchpad-list-'));
  app = await buildApp(
    loadConfig({
      LAUNCHPAD_PORT: '0',
      LAUNCHPAD_DATA: dataDir,
      LAUNCHPAD_NETWORK: `lp-test-${randomBytes(4).toString('hex')}`,
      LAUNCHPAD_ADMIN_TOKEN: TOKEN,
      LAUNCHPAD_PUBLISH_PORTS: 'false',
    }),
  );
  ({ url } = await app.start());
  // Every SQL statement the ORM sends, whichever EntityManager fork sends it.
  app.orm.em.getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
});
afterAll(async () => {
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function countStatements(query: string): Promise<{ sites: number; statements: string[] }> {
  statements = [];
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: { sites: unknown[] }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { sites: body.data!.sites.length, statements: [...statements] };
}

describe('listing sites: N+1 queries', () => {
  it('issues as many SQL statements for 100 sites as for 2 (currentDeploy, deploys, webhookDeliveries)', async () => {
    await seedSites(app.orm.em.fork(), 2, { slugPrefix: 'few' });
    const few = await countStatements(LIST);
    expect(few.sites).toBe(2);

    await seedSites(app.orm.em.fork(), 98, { slugPrefix: 'many' });
    const many = await countStatements(LIST);
    expect(many.sites).toBe(100);
    expect(many.statements.length).toBe(few.statements.length);
    // Batched: one statement per relation and nesting level (sites, newest deploys, newest deliveries,
    // deploys by id, sites by id), a handful in all.
    expect(many.statements.length).toBeLessThanOrEqual(8);
  });

  it('answers each site with its own newest deploy and delivery', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query: LIST }),
    });
    const { data } = (await res.json()) as { data: { sites: ListedSite[] } };
    const seeded = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; current_deploy_id: string }[]>('select id, current_deploy_id from sites');
    const current = new Map(seeded.map((r) => [r.id, r.current_deploy_id]));
    for (const site of data.sites) {
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
