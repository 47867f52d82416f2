import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export type Orm = MikroORM;

export function ormOptions(dataDir: string): Options {
  return {
    dbName: join(dataDir, 'launchpad.db'),
    entities,
    extensions: [Migrator],
    // Migrations are listed explicitly (not globbed) so the same code runs from TypeScript sources under
    // tsx, from a bundle, or from compiled JavaScript. Schema sync never runs at run time.
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    allowGlobalContext: false,
    debug: false,
  };
}

/** Opens the database under the data dir and applies pending migrations. */
export async function openDatabase(dataDir: string): Promise<Orm> {
  const orm = await MikroORM.init(ormOptions(dataDir));
  // WAL lets the dashboard read while the pipeline writes log batches; busy_timeout rides out short locks.
  const conn = orm.em.getConnection();
  await conn.execute('pragma journal_mode = wal');
  await conn.execute('pragma busy_timeout = 5000');
  // In WAL mode NORMAL stays consistent across crashes (a power cut may lose the last commits, never corrupt
  // the file) and spares an fsync per transaction: log batches and webhook answers are many small commits.
  await conn.execute('pragma synchronous = normal');
  await conn.execute('pragma foreign_keys = on');
  await orm.getMigrator().up();
  return orm;
}
