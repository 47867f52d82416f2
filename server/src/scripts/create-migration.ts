/**
 * Writes a new migration for the difference between the entities and the schema the existing migrations
 * build, into server/src/db/migrations/. Add the new file to migrations/index.ts by hand (explicit list).
 * It is SQLite's SQL: make it a PortableMigration (migrations/portable.ts) whose upPostgres builds the same
 * schema, or write SQL both read alike; the migrations test checks both dialects against the entities.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../db/orm.js';

const scratch = mkdtempSync(join(tmpdir(), 'launchpad-migration-'));
const base = ormOptions(scratch);
const orm = await MikroORM.init({
  ...base,
  migrations: { ...base.migrations, path: join(import.meta.dirname, '../db/migrations'), emit: 'ts' },
});
try {
  await orm.getMigrator().up();
  const created = await orm.getMigrator().createMigration(undefined, false, false, process.argv[2]);
  console.log(
    created.fileName ? `created ${created.fileName}` : 'entities match the migrations: nothing to create',
  );
} finally {
  await orm.close();
  rmSync(scratch, { recursive: true, force: true });
}
