import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRows, firstTeam } from '../src/accounts/teams.js';
import type { Principal } from '../src/domain/principal.js';
import { Reads } from '../src/services/reads.js';
import { MAX_SITES_PAGE } from '../src/services/site-list.js';
import { type BareApp, startBareApp } from './support/bare-app.js';
import { seedSites } from './support/seed.js';

// The dashboard pages through a long site list and searches it (issue 10's list at a thousand sites).
// Rows are written straight into the database: nothing is built or served, so no Docker object is made.
let lp: BareApp;
let teamA: string;
let teamB: string;
let statements: string[] = [];

beforeAll(async () => {
  lp = await startBareApp();
  const em = lp.app.orm.em.fork();
  teamA = (await firstTeam(em))!.id;
  teamB = createTeamRows(em, 'Other team', 'other-team', new Date()).id;
  await em.flush();
  await seedSites(lp.app.orm.em.fork(), 25, { slugPrefix: 'page', teamId: teamA, deploysPerSite: 2 });
  await seedSites(lp.app.orm.em.fork(), 3, { slugPrefix: 'theirs', teamId: teamB });
  const conn = lp.app.orm.em.fork().getConnection();
  // Names a search must tell apart: case, and LIKE's own wildcards taken literally.
  await conn.execute("update sites set name = 'Marketing Blog' where slug = 'page-3'");
  await conn.execute("update sites set name = 'marketing_site 100%' where slug = 'page-7'");
  await conn.execute("update sites set name = 'marketingXsite 1000' where slug = 'page-8'");
  lp.app.orm.em.getKnex().on('query', (q: { sql: string }) => statements.push(q.sql));
});
afterAll(async () => {
  await lp?.cleanup();
});

interface Listed {
  id: string;
  slug: string;
  deploys: { number: number }[];
}
const LIST = /* GraphQL */ `query ($first: Int, $after: ID, $search: String) {
  sites(first: $first, after: $after, search: $search) { id slug deploys(first: 1) { number } }
}`;

async function list(variables: Record<string, unknown>): Promise<Listed[]> {
  const { data, errors } = await lp.gql<{ sites: Listed[] }>(LIST, variables);
  expect(errors).toBeUndefined();
  return data!.sites;
}

describe('paging the site list', () => {
  it('walks every site once, newest first, in pages of `first`, the same order as the whole list', async () => {
    const whole = await list({});
    expect(whole).toHaveLength(28);
    const pages: Listed[][] = [];
    let after: string | undefined;
    do {
      const page = await list({ first: 10, after });
      pages.push(page);
      after = page.length === 10 ? page.at(-1)!.id : undefined;
    } while (after);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 8]);
    expect(pages.flat().map((s) => s.id)).toEqual(whole.map((s) => s.id));
    // Each site's own newest deploy, as on the whole list.
    expect(pages.flat().every((s) => s.deploys.length === 1)).toBe(true);
  });

  it('neither repeats nor skips a site when a new one is created between two pages', async () => {
    const first = await list({ first: 5 });
    const [created] = await seedSites(lp.app.orm.em.fork(), 1, { slugPrefix: 'newcomer', teamId: teamA });
    try {
      const second = await list({ first: 5, after: first.at(-1)!.id });
      const whole = await list({});
      expect(whole[0]!.id).toBe(created!.id);
      expect([...first, ...second].map((s) => s.id)).toEqual(whole.slice(1, 11).map((s) => s.id));
    } finally {
      await lp.app.orm.em.fork().getConnection().execute(`delete from sites where slug = 'newcomer-0'`);
    }
  });

  it('costs the same statements for a page of 5 as for the whole list', async () => {
    const count = async (variables: Record<string, unknown>) => {
      let fewest = Number.POSITIVE_INFINITY;
      // Background work may add a statement inside the window, never take one away: the fewest of three.
      for (let i = 0; i < 3; i++) {
        statements = [];
        await list(variables);
        fewest = Math.min(fewest, statements.length);
      }
      return fewest;
    };
    expect(await count({ first: 5 })).toBe(await count({}));
    // A cursor adds the one statement that finds where the page continues.
    const [fifth] = (await list({ first: 5 })).slice(-1);
    expect(await count({ first: 5, after: fifth!.id })).toBe((await count({})) + 1);
  });
});

describe('searching the site list', () => {
  it('matches name or slug anywhere, in any case', async () => {
    expect((await list({ search: 'MARKETING blog' })).map((s) => s.slug)).toEqual(['page-3']);
    expect((await list({ search: 'ge-1' })).map((s) => s.slug).sort()).toEqual(
      [
        'page-1',
        'page-10',
        'page-11',
        'page-12',
        'page-13',
        'page-14',
        'page-15',
        'page-16',
        'page-17',
        'page-18',
        'page-19',
      ].sort(),
    );
    expect(await list({ search: '  ' })).toHaveLength(28);
    expect(await list({ search: 'no such site' })).toEqual([]);
  });

  it("takes LIKE's wildcards literally: `_` and `%` match only themselves", async () => {
    expect((await list({ search: 'marketing_site' })).map((s) => s.slug)).toEqual(['page-7']);
    expect((await list({ search: '100%' })).map((s) => s.slug)).toEqual(['page-7']);
    expect((await list({ search: '%' })).map((s) => s.slug)).toEqual(['page-7']);
  });

  it('pages through the matches only', async () => {
    const matches = await list({ search: 'seeded site 2' });
    expect(matches.map((s) => s.slug).sort()).toEqual(
      ['page-2', 'page-20', 'page-21', 'page-22', 'page-23', 'page-24', 'theirs-2'].sort(),
    );
    const page1 = await list({ search: 'seeded site 2', first: 4 });
    const page2 = await list({ search: 'seeded site 2', first: 4, after: page1.at(-1)!.id });
    expect([...page1, ...page2].map((s) => s.id)).toEqual(matches.map((s) => s.id));
  });
});

describe("a team's list", () => {
  const TEAM_LIST = /* GraphQL */ `query ($id: ID!, $first: Int, $after: ID, $search: String) {
    team(id: $id) { sites(first: $first, after: $after, search: $search) { id slug } }
  }`;

  it('pages and searches within the team', async () => {
    const { data, errors } = await lp.gql<{ team: { sites: Listed[] } }>(TEAM_LIST, { id: teamB, first: 2 });
    expect(errors).toBeUndefined();
    expect(data!.team.sites.map((s) => s.slug)).toEqual(['theirs-2', 'theirs-1']);
    const searched = await lp.gql<{ team: { sites: Listed[] } }>(TEAM_LIST, { id: teamA, search: 'theirs' });
    expect(searched.data!.team.sites).toEqual([]);
  });

  it("refuses a cursor from a list the caller cannot see, saying nothing of the other team's site", async () => {
    const member: Principal = {
      kind: 'token',
      tokenId: 'test',
      prefix: 'lp_test',
      teamId: teamA,
      role: 'VIEWER',
    };
    const theirs = (await list({ search: 'theirs-0' }))[0]!;
    const reads = new Reads({ principal: member, em: lp.app.orm.em.fork() });
    await expect(reads.sites(null, null, { first: 5, after: theirs.id })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    // Through the API too: the same answer as for an id that names nothing.
    const unknown = await lp.gql(LIST, { first: 5, after: 'no-such-site' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad windows', () => {
  it.each([0, -1, MAX_SITES_PAGE + 1])('first: %i is BAD_USER_INPUT on `first`', async (first) => {
    const { errors } = await lp.gql(LIST, { first });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('a search longer than a name can be is BAD_USER_INPUT on `search`', async () => {
    const { errors } = await lp.gql(LIST, { search: 'x'.repeat(101) });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});
