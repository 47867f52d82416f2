import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteDomainEntity } from '../src/db/entities.js';
import { ormOptions } from '../src/db/orm.js';
import { type Launchpad, startLaunchpad } from './support/harness.js';
import { testDatabaseUrl } from './support/test-database.js';

// Custom domains decide which site Traefik routes a host to: one host, one site, and never the control
// plane's own host. Git sites whose repository does not answer keep these tests off the build path: their
// first deploy fails at the clone, and what is checked lives in the database and the API.

const CREATE = /* GraphQL */ `
  mutation($input: CreateSiteInput!) { createSite(input: $input) { id slug domains } }`;
const UPDATE = /* GraphQL */ `
  mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id domains } }`;

let lp: Launchpad;
beforeAll(async () => {
  lp = await startLaunchpad({
    LAUNCHPAD_GIT_SCHEMES: 'git',
    LAUNCHPAD_PUBLIC_URL: 'https://Launchpad.Example.org:8443',
  });
});
afterAll(async () => {
  await lp?.cleanup();
});

let n = 0;
function create(domains: string[] = [], slug = `${lp.slugPrefix}-d${++n}`) {
  return lp.gql(CREATE, {
    input: { name: slug, slug, sourceType: 'GIT', gitUrl: 'git://127.0.0.1:9/none.git', domains },
  });
}
async function site(domains: string[] = []): Promise<string> {
  const res = await create(domains);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createSite.id;
}
const update = (id: string, domains: string[]) => lp.gql(UPDATE, { id, input: { domains } });
async function domainsOf(id: string): Promise<string[]> {
  return (await lp.gql('query($id: ID!) { site(id: $id) { domains } }', { id })).data!.site.domains;
}
async function owners(host: string): Promise<string[]> {
  const rows = await lp.app.orm.em.fork().find(SiteDomainEntity, { host });
  return rows.map((r) => r.site.id);
}
function conflict(res: { errors?: { extensions?: { code?: string; field?: string } }[] }, field = 'domains') {
  expect(res.errors?.[0]?.extensions, JSON.stringify(res.errors)).toMatchObject({ code: 'CONFLICT', field });
}

describe('custom domains are unique and the control plane host is reserved', () => {
  it('a custom domain already used by another site is refused with CONFLICT, in any case or spelling', async () => {
    const a = await site(['shop.example.com']);
    for (const spelling of ['shop.example.com', 'Shop.Example.COM', 'SHOP.example.com.']) {
      conflict(await create([spelling], `${lp.slugPrefix}-refused`));
    }
    const slugs = (await lp.gql('{ sites { slug } }')).data!.sites.map((s: { slug: string }) => s.slug);
    expect(slugs).not.toContain(`${lp.slugPrefix}-refused`);
    const b = await site(['other.example.com']);
    const res = await update(b, ['other.example.com', 'Shop.Example.com']);
    conflict(res);
    expect(res.errors![0]!.message).toMatch(/"shop\.example\.com" is already used by another site/);
    expect(await domainsOf(b)).toEqual(['other.example.com']);
    expect(await owners('shop.example.com')).toEqual([a]);
    expect(await owners('other.example.com')).toEqual([b]);
  });

  it('a site keeps its own domains across updates and can add to them', async () => {
    const a = await site(['keep.example.com']);
    const res = await update(a, ['KEEP.example.com', 'more.example.com']);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateSite.domains).toEqual(['keep.example.com', 'more.example.com']);
    expect(await owners('more.example.com')).toEqual([a]);
  });

  it("hijacking the control plane's host is refused on create and update", async () => {
    for (const host of ['launchpad.example.org', 'LAUNCHPAD.Example.Org.']) {
      const created = await create([host]);
      conflict(created);
      expect(created.errors![0]!.message).toMatch(/host of Launchpad itself/);
    }
    const a = await site();
    conflict(await update(a, ['launchpad.example.org']));
    expect(await domainsOf(a)).toEqual([]);
    expect(await owners('launchpad.example.org')).toEqual([]);
  });

  it('two sites claiming one domain at once: exactly one wins', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map(() => site()));
    const results = await Promise.all(ids.map((id) => update(id, ['race.example.com'])));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) conflict(r);
    const winner = won[0]!.data!.updateSite.id;
    expect(await owners('race.example.com')).toEqual([winner]);
    for (const id of ids) expect(await domainsOf(id)).toEqual(id === winner ? ['race.example.com'] : []);

    const created = await Promise.all([1, 2, 3, 4].map(() => create(['race2.example.com'])));
    expect(created.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of created.filter((x) => x.errors)) conflict(r);
  });

  it('a domain given up, or whose site was deleted, is free again', async () => {
    const a = await site(['free.example.com']);
    expect((await update(a, [])).errors).toBeUndefined();
    const b = await site(['free.example.com']);
    expect(await owners('free.example.com')).toEqual([b]);
    const deleted = await lp.gql('mutation($id: ID!) { deleteSite(id: $id) }', { id: b });
    expect(deleted.errors).toBeUndefined();
    expect(await owners('free.example.com')).toEqual([]);
    const c = await site(['free.example.com']);
    expect(await owners('free.example.com')).toEqual([c]);
  });
});

describe('a slug whose generated host is the control plane host', () => {
  let other: Launchpad;
  beforeAll(async () => {
    other = await startLaunchpad({
      LAUNCHPAD_GIT_SCHEMES: 'git',
      LAUNCHPAD_DOMAIN: 'example.net',
      LAUNCHPAD_PUBLIC_URL: 'https://launchpad.example.net',
    });
  });
  afterAll(async () => {
    await other?.cleanup();
  });

  it('is refused with CONFLICT on the slug', async () => {
    const res = await other.gql(CREATE, {
      input: { name: 'x', slug: 'launchpad', sourceType: 'GIT', gitUrl: 'git://127.0.0.1:9/none.git' },
    });
    conflict(res, 'slug');
    expect((await other.gql('{ sites { id } }')).data!.sites).toEqual([]);
  });
});

describe('the site_domains migration on a database that shared hosts between sites', () => {
  it('gives each shared host to the oldest site and removes it from the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchpad-domains-migration-'));
    const orm = await MikroORM.init(ormOptions(dir, await testDatabaseUrl(dir)));
    try {
      await orm.getMigrator().up({ to: 'Migration20261123042240_webhook_deliveries' });
      const conn = orm.em.getConnection();
      const insert = (id: string, created: string, domains: string[]) =>
        conn.execute(
          'insert into sites (id, slug, name, source_type, output_dir, env_vars, auto_deploy, spa, domains, status, next_deploy_number, created_at, updated_at) ' +
            "values (?, ?, ?, 'ZIP', '.', '[]', false, false, ?, 'LIVE', 1, ?, ?)",
          [id, id, id, JSON.stringify(domains), created, created],
        );
      await insert('older', '2026-01-01T00:00:00.000Z', ['a.example.com', 'shared.example.com']);
      await insert('newer', '2026-02-01T00:00:00.000Z', ['shared.example.com', 'b.example.com']);
      await orm.getMigrator().up();
      const rows = await conn.execute<{ host: string; site_id: string }[]>(
        'select host, site_id from site_domains order by host',
      );
      expect(rows.map((r) => [r.host, r.site_id])).toEqual([
        ['a.example.com', 'older'],
        ['b.example.com', 'newer'],
        ['shared.example.com', 'older'],
      ]);
      const sites = await conn.execute<{ id: string; domains: string | string[] }[]>(
        'select id, domains from sites order by id',
      );
      // SQLite answers json as text, PostgreSQL's jsonb comes parsed.
      const list = (domains: string | string[]) =>
        typeof domains === 'string' ? JSON.parse(domains) : domains;
      expect(sites.map((s) => [s.id, list(s.domains)])).toEqual([
        ['newer', ['b.example.com']],
        ['older', ['a.example.com', 'shared.example.com']],
      ]);
    } finally {
      await orm.close(true);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
