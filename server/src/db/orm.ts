import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { isSqlite } from './dialect.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

/** The ORM as the rest of the code sees it: any SQL driver (SQLite or PostgreSQL), never one in particular. */
export type Orm = MikroORM<AbstractSqlDriver, EntityManager>;

/**
 * The one place a database driver is chosen: PostgreSQL when a `postgres://` URL is given
 * (LAUNCHPAD_DATABASE_URL), else SQLite in `<data>/launchpad.db`.
 */
export function ormOptions(dataDir: string, databaseUrl?: string | null): Options<AbstractSqlDriver> {
  const common = {
    entities,
    extensions: [Migrator],
    // Migrations are listed explicitly (not globbed) so the same code runs from TypeScript sources under
    // tsx, from a bundle, or from compiled JavaScript. Schema sync never runs at run time.
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    allowGlobalContext: false,
    debug: false,
  };
  if (databaseUrl) return { ...common, driver: PostgreSqlDriver, clientUrl: databaseUrl };
  return { ...common, driver: SqliteDriver, dbName: join(dataDir, 'launchpad.db') };
}

/** Opens the database (PostgreSQL at `databaseUrl`, else SQLite under the data dir) and migrates it. */
export async function openDatabase(dataDir: string, databaseUrl?: string | null): Promise<Orm> {
  const orm = (await MikroORM.init(ormOptions(dataDir, databaseUrl))) as Orm;
  if (isSqlite(orm.em)) {
    // WAL lets the dashboard read while the pipeline writes log batches; busy_timeout rides out short locks.
    const conn = orm.em.getConnection();
    await conn.execute('pragma journal_mode = wal');
    await conn.execute('pragma busy_timeout = 5000');
    // In WAL mode NORMAL stays consistent across crashes (a power cut may lose the last commits, never
    // corrupt the file) and spares an fsync per transaction: log batches and webhook answers are many small
    // commits.
    await conn.execute('pragma synchronous = normal');
    await conn.execute('pragma foreign_keys = on');
  }
  await orm.getMigrator().up();
  return orm;
}
