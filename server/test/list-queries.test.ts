import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isObjectType,
  print,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SitesDocument, TeamSitesDocument } from '../../web/src/gql/graphql.js';
import { firstTeam } from '../src/accounts/teams.js';
import { schema } from '../src/schema/index.js';
import { Reads } from '../src/services/reads.js';
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

/**
 * What `run` answers and the statements it sent. Background work (the notifier's poll, the upload sweep)
 * shares the connection, and a statement of its own may land inside a run's window; it can only add one,
 * never take one away, so the run with the fewest of three shows the query's own.
 */
async function ownStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  let fewest: { result: T; statements: string[] } | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    statements = [];
    const result = await run();
    if (!fewest || statements.length < fewest.statements.length)
      fewest = { result, statements: [...statements] };
  }
  return fewest!;
}

async function countStatements(query: string): Promise<{ sites: number; statements: string[] }> {
  const { result, statements: own } = await ownStatements(() => lp.gql<{ sites: unknown[] }>(query));
  expect(result.errors).toBeUndefined();
  return { sites: result.data!.sites.length, statements: own };
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

describe('listing sites: only the columns the selection reads', () => {
  // The list loads only the properties its selected fields declare (schema/selection.ts); one site by id
  // loads whole rows. Every field of Site, asked alone in the list, must answer what it answers for one
  // site: a field whose declared properties fall short shows up here, including fields added later.
  const site = schema.getType('Site') as GraphQLObjectType;
  const fields = Object.values(site.getFields()).filter((f) =>
    f.args.every((a) => a.type.toString().slice(-1) !== '!'),
  );

  it.each(fields.map((f) => [f.name, f] as const))(
    'Site.%s answers the same in the list as alone',
    async (_n, field) => {
      const selection = fieldSelection(field);
      const list = await lp.gql<{ sites: { id: string }[] }>(`{ sites { id ${selection} } }`);
      expect(list.errors).toBeUndefined();
      expect(list.data!.sites.length).toBeGreaterThan(0);
      for (const listed of list.data!.sites.slice(0, 5)) {
        const one = await lp.gql<{ site: { id: string } }>(
          `query ($id: ID!) { site(id: $id) { id ${selection} } }`,
          {
            id: listed.id,
          },
        );
        expect(one.errors).toBeUndefined();
        expect(listed).toEqual(one.data!.site);
      }
    },
  );

  it('selects fewer columns for the Sites page than for a field that declares nothing', async () => {
    statements = [];
    await lp.gql('{ sites { id slug status url deploys(first: 1) { id number } } }');
    const narrow = statements.find((s) => /from [`"]?sites[`"]? as/i.test(s) && !/join/i.test(s))!;
    expect(narrow).toBeDefined();
    expect(narrow).not.toMatch(/\*/);
    expect(narrow).not.toMatch(/webhook_secret|env_vars/);
  });
});

describe("the dashboard's Sites page", () => {
  it("gets every site's newest deploy with the list: no promise per site", async () => {
    await seedSites(lp.app.orm.em.fork(), 3, { slugPrefix: 'sites-page' });
    // Watches the real method (it still answers): in-hand pages come back as arrays, loader pages as promises.
    const answers: unknown[] = [];
    const original = Reads.prototype.deploys;
    const watched = vi.spyOn(Reads.prototype, 'deploys').mockImplementation(function (this: Reads, ...args) {
      const answer = original.apply(this, args);
      answers.push(answer);
      return answer;
    });
    try {
      const { result, statements: own } = await ownStatements(() => {
        answers.length = 0;
        return lp.gql<{ sites: { deploys: unknown[] }[] }>(print(SitesDocument));
      });
      const { data, errors } = result;
      expect(errors).toBeUndefined();
      // The sites, their newest deploys and their teams: three statements however many sites there are.
      expect(own).toHaveLength(3);
      expect(data!.sites.length).toBeGreaterThanOrEqual(3);
      expect(answers).toHaveLength(data!.sites.length);
      expect(answers.filter((a) => a instanceof Promise)).toEqual([]);
      expect(data!.sites.every((s) => s.deploys.length <= 1)).toBe(true);
    } finally {
      watched.mockRestore();
    }
  });
});

describe("a signed-in user's Sites page (one team's sites)", () => {
  it('costs the statements of the whole list plus the team, and lists only that team', async () => {
    const team = await firstTeam(lp.app.orm.em.fork());
    const { result: all, statements: allStatements } = await ownStatements(() =>
      lp.gql<{ sites: { team: { id: string } }[] }>(print(SitesDocument)),
    );
    const { result, statements: own } = await ownStatements(() =>
      lp.gql<{ team: { sites: { team: { id: string } }[] } }>(print(TeamSitesDocument), { id: team!.id }),
    );
    const { data, errors } = result;
    expect(errors).toBeUndefined();
    expect(data!.team.sites.length).toBe(all.data!.sites.filter((s) => s.team.id === team!.id).length);
    expect(data!.team.sites.every((s) => s.team.id === team!.id)).toBe(true);
    // The team itself, then the same batched statements as the whole list.
    expect(own).toHaveLength(allStatements.length + 1);
  });
});

describe('newest deploys and deliveries per site', () => {
  it('answers the newest `first` of each site, all of them when it has fewer, none for first: 0', async () => {
    const [few, many] = [
      ...(await seedSites(lp.app.orm.em.fork(), 1, { slugPrefix: 'pages-few', deploysPerSite: 1 })),
      ...(await seedSites(lp.app.orm.em.fork(), 1, { slugPrefix: 'pages-many', deploysPerSite: 7 })),
    ];
    const page = async (first: number) => {
      const { data, errors } = await lp.gql<{ sites: { slug: string; deploys: { number: number }[] }[] }>(
        `{ sites { slug deploys(first: ${first}) { number } } }`,
      );
      expect(errors).toBeUndefined();
      const numbers = (slug: string) =>
        data!.sites.find((s) => s.slug === slug)!.deploys.map((d) => d.number);
      return [numbers(few!.slug), numbers(many!.slug)];
    };
    expect(await page(3)).toEqual([[1], [7, 6, 5]]);
    expect(await page(20)).toEqual([[1], [7, 6, 5, 4, 3, 2, 1]]);
    expect(await page(0)).toEqual([[], []]);
  });

  it('cuts deliveries received at the same instant to `first`', async () => {
    const [site] = await seedSites(lp.app.orm.em.fork(), 1, {
      slugPrefix: 'pages-ties',
      deliveriesPerSite: 4,
    });
    await lp.app.orm.em
      .fork()
      .getConnection()
      .execute(
        'update webhook_deliveries set received_at = (select min(received_at) from webhook_deliveries) where site_id = ?',
        [site!.id],
      );
    const { data } = await lp.gql<{ site: { webhookDeliveries: unknown[] } }>(
      'query ($id: ID!) { site(id: $id) { webhookDeliveries(first: 2) { id } } }',
      { id: site!.id },
    );
    expect(data!.site.webhookDeliveries).toHaveLength(2);
  });

  // Deploy fields read through the page's selected columns; deploy(id) reads the whole row.
  const deploy = schema.getType('Deploy') as GraphQLObjectType;
  it.each(Object.values(deploy.getFields()).map((f) => [f.name, f] as const))(
    "Deploy.%s answers the same in a site's page as alone",
    async (_n, field) => {
      const selection = fieldSelection(field);
      const list = await lp.gql<{ sites: { deploys: { id: string }[] }[] }>(
        `{ sites { deploys(first: 2) { id ${selection} } } }`,
      );
      expect(list.errors).toBeUndefined();
      for (const listed of list.data!.sites.flatMap((s) => s.deploys).slice(0, 6)) {
        const one = await lp.gql<{ deploy: unknown }>(
          `query ($id: ID!) { deploy(id: $id) { id ${selection} } }`,
          {
            id: listed.id,
          },
        );
        expect(listed).toEqual(one.data!.deploy);
      }
    },
  );
});

/** The field with a small page (`first: 1`) where it takes one, and its leaves. */
function fieldSelection(field: GraphQLField<unknown, unknown>): string {
  const page = field.args.some((a) => a.name === 'first') ? '(first: 1)' : '';
  return `${field.name}${page} ${subselection(getNamedType(field.type))}`;
}

/** Leaf fields of an object type, one level deep (ids of nested objects): enough to compare answers. */
function subselection(type: ReturnType<typeof getNamedType>): string {
  if (isLeafType(type) || !isObjectType(type)) return '';
  const leaves = Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)
    .map((f) => f.name);
  return `{ ${leaves.join(' ')} }`;
}

interface ListedSite {
  id: string;
  slug: string;
  domains: string[];
  currentDeploy: { id: string; permalink: string; site: { id: string; slug: string } };
  deploys: { id: string; number: number; status: string }[];
  webhookDeliveries: { id: string; deploy: { number: number } | null }[];
}
