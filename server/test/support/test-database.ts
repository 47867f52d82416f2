import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Knex, knex } from '@mikro-orm/knex';
import { isSqlite } from '../../src/db/dialect.js';
import { type Orm, openDatabase } from '../../src/db/orm.js';

/**
 * Which database the tests run on: SQLite in each data dir (the default), or PostgreSQL when
 * `LAUNCHPAD_TEST_DATABASE=postgres` and `LAUNCHPAD_TEST_POSTGRES_URL` names a server the tests may create
 * databases on (scripts/test.sh starts one with scripts/ensure-postgres.sh).
 *
 * On PostgreSQL every data dir gets a database of its own, named after the dir: two instances in one test
 * are as separate as their SQLite files would be, and a restart on the same data dir finds its rows again.
 * Every database made here is dropped when the test file ends (support/postgres-setup.ts).
 */
export const onPostgres = process.env.LAUNCHPAD_TEST_DATABASE === 'postgres';

const created = new Set<string>();

function adminUrl(): string {
  const url = process.env.LAUNCHPAD_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'LAUNCHPAD_TEST_DATABASE=postgres needs LAUNCHPAD_TEST_POSTGRES_URL ' +
        '(export LAUNCHPAD_TEST_POSTGRES_URL=$(bash scripts/ensure-postgres.sh))',
    );
  }
  return url;
}

async function withAdmin<T>(run: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({ client: 'pg', connection: adminUrl(), pool: { min: 0, max: 1 } });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** The database URL for `dataDir` (made on first use), or null on SQLite. */
export async function testDatabaseUrl(dataDir: string): Promise<string | null> {
  if (!onPostgres) return null;
  const name = `lp_test_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
  if (!created.has(name)) {
    await withAdmin(async (db) => {
      const exists = await db.raw('select 1 from pg_database where datname = ?', [name]);
      if (exists.rowCount === 0) await db.raw(`create database "${name}"`);
    });
    created.add(name);
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** `LAUNCHPAD_DATABASE_URL` for an instance on `dataDir` (nothing on SQLite), to spread into its env. */
export async function testDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  const url = await testDatabaseUrl(dataDir);
  return url ? { LAUNCHPAD_DATABASE_URL: url } : {};
}

/** openDatabase on the test database of `dataDir`. */
export async function openTestDatabase(dataDir: string): Promise<Orm> {
  return openDatabase(dataDir, await testDatabaseUrl(dataDir));
}

/** Drops every database this process made (connections still open to them are ended). */
export async function dropTestDatabases(): Promise<void> {
  if (created.size === 0) return;
  const names = [...created];
  created.clear();
  await withAdmin(async (db) => {
    for (const name of names) await db.raw(`drop database if exists "${name}" with (force)`);
  });
}

/**
 * Everything the database holds, as bytes a test can search for a secret: on SQLite the database file and
 * its write-ahead log (checkpointed first); on PostgreSQL, whose files belong to the server, every row of
 * every table as text.
 */
export async function storedBytes(orm: Orm, dataDir: string): Promise<Buffer> {
  const conn = orm.em.getConnection();
  if (isSqlite(orm.em)) {
    await conn.execute('pragma wal_checkpoint(truncate)');
    const files = ['launchpad.db', 'launchpad.db-wal'];
    return Buffer.concat(
      await Promise.all(files.map((f) => readFile(join(dataDir, f)).catch(() => Buffer.alloc(0)))),
    );
  }
  const tables = await conn.execute<{ name: string }[]>(
    'select tablename as name from pg_tables where schemaname = current_schema()',
  );
  const rows: string[] = [];
  for (const { name } of tables) {
    const all = await conn.execute<{ row: string }[]>(`select t::text as row from "${name}" t`);
    rows.push(...all.map((r) => r.row));
  }
  return Buffer.from(rows.join('\n'));
}
