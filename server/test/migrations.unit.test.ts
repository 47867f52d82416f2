import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSqlite } from '../src/db/dialect.js';
import { onPostgres, openTestDatabase } from './support/test-database.js';

describe(`database migrations (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('build exactly the schema the entities describe (run `npm run migration:create -w server` when this fails)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launchpad-migrations-'));
    const orm = await openTestDatabase(dir);
    try {
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
      const tables = await orm.em
        .getConnection()
        .execute<{ name: string }[]>(
          isSqlite(orm.em)
            ? "select name from sqlite_master where type = 'table' order by name"
            : 'select tablename as name from pg_tables where schemaname = current_schema() order by tablename',
        );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['deploys', 'log_lines', 'site_domains', 'sites', 'webhook_deliveries']),
      );
    } finally {
      await orm.close(true);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
