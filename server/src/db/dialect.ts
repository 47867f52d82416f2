import type { Knex } from '@mikro-orm/knex';

/** The SQL dialects Launchpad runs on (db/orm.ts picks one). */
export type Dialect = 'sqlite' | 'postgresql';

/** Anything that reaches the connection's knex: an EntityManager, a migration. */
interface HasKnex {
  getKnex(): Knex;
}

/** Which dialect `db` speaks, for the few statements that differ (pragmas, upserts, json, migrations). */
export function dialectOf(db: HasKnex): Dialect {
  const dialect = (db.getKnex().client as { dialect?: string }).dialect;
  if (dialect === 'postgresql') return 'postgresql';
  if (dialect === 'sqlite3') return 'sqlite';
  throw new Error(`unsupported SQL dialect ${dialect}`);
}

export const isSqlite = (db: HasKnex) => dialectOf(db) === 'sqlite';
export const isPostgres = (db: HasKnex) => dialectOf(db) === 'postgresql';
