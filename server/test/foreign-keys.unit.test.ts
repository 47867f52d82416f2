import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, ormOptions } from '../src/db/orm.js';

// The migration that declares the foreign keys rebuilds every table (SQLite cannot add a foreign key to a
// table): these tests fill a database made by the migrations before it and check what survives.
const BEFORE_FOREIGN_KEYS = 'Migration20261123042240_webhook_deliveries';

type Row = Record<string, unknown>;
type Db = Awaited<ReturnType<typeof openDatabase>>;

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'launchpad-fk-'));
  dirs.push(dir);
  return dir;
}

const sql = (db: Db, query: string, params: unknown[] = []) =>
  db.em.getConnection().execute<Row[]>(query, params);
const rows = (db: Db, table: string) => sql(db, `select * from \`${table}\` order by 1`);

const site = (id: string, slug: string, currentDeployId: string | null): Row => ({
  id,
  slug,
  name: slug,
  source_type: 'GIT',
  git_url: 'https://example.com/r.git',
  branch: 'main',
  build_command: null,
  output_dir: '.',
  env_vars: '{"A":"1"}',
  auto_deploy: 1,
  spa: 0,
  domains: '[]',
  webhook_secret: 'secret',
  status: currentDeployId ? 'LIVE' : 'CREATED',
  current_deploy_id: currentDeployId,
  local_port: null,
  next_deploy_number: 4,
  created_at: 1764633600000,
  updated_at: 1764633601000,
});
const deploy = (
  id: string,
  siteId: string,
  n: number,
  status: string,
  sourceId: string | null = null,
): Row => ({
  id,
  site_id: siteId,
  number: n,
  status,
  trigger: sourceId ? 'ROLLBACK' : 'MANUAL',
  commit_sha: 'a'.repeat(40),
  commit_message: 'msg',
  source_deploy_id: sourceId,
  created_at: 1764633600000 + n,
});
const line = (id: number, deployId: string, seq: number, text: string): Row => ({
  id,
  deploy_id: deployId,
  seq,
  at: id,
  stream: 'STDOUT',
  text,
});
const delivery = (id: string, siteId: string, deployId: string | null): Row => ({
  id,
  site_id: siteId,
  delivery_id: `gh-${id}`,
  event: 'push',
  outcome: deployId ? 'QUEUED' : 'IGNORED',
  reason: 'why',
  deploy_id: deployId,
  received_at: 1764633700000,
});

/** A database as the migrations before the foreign keys left it, holding the rows a real instance has. */
async function filledBeforeForeignKeys(dir: string): Promise<void> {
  const orm = await MikroORM.init(ormOptions(dir));
  try {
    await orm.em.getConnection().execute('pragma foreign_keys = on');
    await orm.getMigrator().up({ to: BEFORE_FOREIGN_KEYS });
    const insert = async (table: string, ...values: Row[]) => {
      for (const row of values) {
        const columns = Object.keys(row);
        await orm.em
          .getConnection()
          .execute(
            `insert into \`${table}\` (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
            Object.values(row),
          );
      }
    };
    await insert('sites', site('site-live', 'live', 'dep-2'), site('site-new', 'fresh', null));
    await insert(
      'deploys',
      deploy('dep-1', 'site-live', 1, 'SUPERSEDED'),
      deploy('dep-2', 'site-live', 2, 'LIVE'),
      deploy('dep-3', 'site-live', 3, 'SUPERSEDED', 'dep-1'),
      deploy('dep-4', 'site-new', 1, 'FAILED'),
      deploy('dep-gone', 'site-deleted', 1, 'LIVE'), // a deploy whose site is gone
    );
    await insert(
      'log_lines',
      line(1, 'dep-1', 1, 'one'),
      line(2, 'dep-1', 2, 'two'),
      line(3, 'dep-2', 1, 'three'),
      line(4, 'dep-gone', 1, 'lost'),
      line(50, 'dep-4', 1, 'deleted later'),
    );
    await orm.em.getConnection().execute('delete from log_lines where id = 50'); // autoincrement stays at 50
    await insert(
      'webhook_deliveries',
      delivery('hook-1', 'site-live', 'dep-2'),
      delivery('hook-2', 'site-live', null),
      delivery('hook-3', 'site-deleted', 'dep-gone'), // the defect: deleteSite left deliveries behind
      delivery('hook-4', 'site-live', 'dep-missing'),
    );
  } finally {
    await orm.close(true);
  }
}

describe('foreign keys migration', () => {
  it('keeps every row of an existing database, dropping only rows of deleted sites', async () => {
    const dir = await scratchDir();
    await filledBeforeForeignKeys(dir);
    const raw = await MikroORM.init(ormOptions(dir));
    const before: Record<string, Row[]> = {};
    for (const t of ['sites', 'deploys', 'log_lines', 'webhook_deliveries']) before[t] = await rows(raw, t);
    await raw.close(true);

    const db = await openDatabase(dir);
    try {
      // Later migrations add columns to sites (accounts: team_id; server apps: kind, start_command…); every old column keeps its value.
      const oldColumns = (row: Row) =>
        Object.fromEntries(Object.keys(before.sites![0]!).map((k) => [k, row[k]]));
      expect((await rows(db, 'sites')).map(oldColumns)).toEqual(before.sites);
      // …and to deploys (deploy workflow: digest, context, branch, pull_request), likewise.
      const oldDeployColumns = (row: Row) =>
        Object.fromEntries(Object.keys(before.deploys![0]!).map((k) => [k, row[k]]));
      expect((await rows(db, 'deploys')).map(oldDeployColumns)).toEqual(
        before.deploys!.filter((d) => d.id !== 'dep-gone'),
      );
      expect(await rows(db, 'log_lines')).toEqual(
        before.log_lines!.filter((l) => l.deploy_id !== 'dep-gone'),
      );
      expect(await rows(db, 'webhook_deliveries')).toEqual(
        before
          .webhook_deliveries!.filter((w) => w.id !== 'hook-3')
          .map((w) => (w.id === 'hook-4' ? { ...w, deploy_id: null } : w)),
      );
      expect(await sql(db, 'pragma foreign_key_check')).toEqual([]);
      const leftovers = await sql(db, "select name from sqlite_master where name glob '*__old*'");
      expect(leftovers).toEqual([]);

      // Autoincrement carries on after the highest id ever handed out, not the highest id left.
      await sql(
        db,
        "insert into log_lines (deploy_id, seq, at, stream, text) values ('dep-2', 2, 6, 'STDOUT', 'x')",
      );
      expect((await sql(db, 'select max(id) as id from log_lines'))[0]!.id).toBe(51);
      expect(await db.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await db.close(true);
    }
  });

  it('refuses, changing nothing, when another table references a table it rebuilds (the drop would cascade into it)', async () => {
    const dir = await scratchDir();
    await filledBeforeForeignKeys(dir);
    const raw = await MikroORM.init(ormOptions(dir));
    const run = (q: string) => raw.em.getConnection().execute<Row[]>(q);
    await run(
      'create table site_notes (id integer primary key, site_id text references sites(id) on delete cascade)',
    );
    await run("insert into site_notes values (1, 'site-live')");
    const before = [
      await rows(raw, 'sites'),
      await rows(raw, 'deploys'),
      await rows(raw, 'webhook_deliveries'),
    ];
    await raw.close(true);

    await expect(openDatabase(dir)).rejects.toThrow(/site_notes -> sites.*order the migration/);

    const after = await MikroORM.init(ormOptions(dir));
    try {
      expect([
        await rows(after, 'sites'),
        await rows(after, 'deploys'),
        await rows(after, 'webhook_deliveries'),
      ]).toEqual(before);
      expect(await rows(after, 'site_notes')).toEqual([{ id: 1, site_id: 'site-live' }]);
      const pending = await after.getMigrator().getPendingMigrations();
      expect(pending[0]?.name).toBe('Migration20261201233319_foreign_keys');
    } finally {
      await after.close(true);
    }
  });

  it('declares what goes with a site and what is only pointed at', async () => {
    const db = await openDatabase(await scratchDir());
    try {
      const keys = async (table: string) =>
        (await sql(db, `pragma foreign_key_list(\`${table}\`)`))
          .map((k) => `${k.from} -> ${k.table}.${k.to} on delete ${k.on_delete}`)
          .sort();
      expect(await keys('sites')).toEqual([
        'current_deploy_id -> deploys.id on delete SET NULL',
        'team_id -> teams.id on delete SET NULL', // accounts (issue 11)
      ]);
      expect(await keys('deploys')).toEqual([
        'site_id -> sites.id on delete CASCADE',
        'source_deploy_id -> deploys.id on delete SET NULL',
      ]);
      expect(await keys('log_lines')).toEqual(['deploy_id -> deploys.id on delete CASCADE']);
      expect(await keys('webhook_deliveries')).toEqual([
        'deploy_id -> deploys.id on delete SET NULL',
        'site_id -> sites.id on delete CASCADE',
      ]);
    } finally {
      await db.close(true);
    }
  });

  it('deleting a site removes its deploys, log lines and webhook deliveries, and nothing of other sites', async () => {
    const dir = await scratchDir();
    await filledBeforeForeignKeys(dir);
    const db = await openDatabase(dir);
    try {
      await sql(db, "delete from sites where id = 'site-live'");
      expect((await rows(db, 'sites')).map((s) => s.id)).toEqual(['site-new']);
      expect((await rows(db, 'deploys')).map((d) => d.id)).toEqual(['dep-4']);
      expect(await rows(db, 'log_lines')).toEqual([]);
      expect(await rows(db, 'webhook_deliveries')).toEqual([]);
    } finally {
      await db.close(true);
    }
  });

  it('a pointer to a deploy that is gone becomes null', async () => {
    const dir = await scratchDir();
    await filledBeforeForeignKeys(dir);
    const db = await openDatabase(dir);
    try {
      await sql(db, "delete from deploys where id in ('dep-1', 'dep-2')");
      expect((await sql(db, "select current_deploy_id from sites where id = 'site-live'"))[0]).toEqual({
        current_deploy_id: null,
      });
      expect((await sql(db, "select source_deploy_id from deploys where id = 'dep-3'"))[0]).toEqual({
        source_deploy_id: null,
      });
      expect((await sql(db, "select deploy_id from webhook_deliveries where id = 'hook-1'"))[0]).toEqual({
        deploy_id: null,
      });
    } finally {
      await db.close(true);
    }
  });
});
