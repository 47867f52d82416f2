import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsList } from '../src/db/migrations/index.js';
import { openDatabase } from '../src/db/orm.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A data dir as the last release before accounts left it: its migrations only, with two sites in it. */
async function dataDirBeforeAccounts(): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), 'launchpad-upgrade-'));
  const before = migrationsList.filter((m) => m.name < 'Migration20261202100000');
  const orm = await MikroORM.init({
    dbName: join(path, 'launchpad.db'),
    entities: [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: { migrationsList: before, transactional: true, allOrNothing: true, snapshot: false },
    allowGlobalContext: false,
  });
  await orm.getMigrator().up();
  const conn = orm.em.getConnection();
  for (const [id, slug] of [
    ['aaaaaaaaaaaaaaaaaaaaaaa1', 'old-one'],
    ['aaaaaaaaaaaaaaaaaaaaaaa2', 'old-two'],
  ]) {
    await conn.execute(
      "insert into sites (id, slug, name, source_type, output_dir, env_vars, auto_deploy, spa, domains, status, next_deploy_number, created_at, updated_at) values (?, ?, ?, 'ZIP', '.', '[]', 0, 0, '[]', 'CREATED', 1, ?, ?)",
      [id, slug, slug, Date.now(), Date.now()],
    );
  }
  await orm.close(true);
  return path;
}

describe('the accounts migration on a data dir from before accounts', () => {
  it('starts, migrates, and gives every existing site to the one first team', async () => {
    dir = await dataDirBeforeAccounts();
    const orm = await openDatabase(dir);
    try {
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
      const conn = orm.em.getConnection();
      const teams = await conn.execute<{ id: string; slug: string }[]>('select id, slug from teams');
      expect(teams).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{24}$/), slug: 'default' }]);
      const sites = await conn.execute<{ slug: string; team_id: string }[]>(
        'select slug, team_id from sites order by slug',
      );
      expect(sites).toEqual([
        { slug: 'old-one', team_id: teams[0]!.id },
        { slug: 'old-two', team_id: teams[0]!.id },
      ]);
    } finally {
      await orm.close(true);
    }
  });

  it('makes the first team on a fresh data dir too, for the first user to own', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-fresh-'));
    const orm = await openDatabase(dir);
    try {
      const teams = await orm.em.getConnection().execute('select slug from teams');
      expect(teams).toEqual([{ slug: 'default' }]);
    } finally {
      await orm.close(true);
    }
  });
});
