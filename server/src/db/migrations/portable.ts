import { Migration } from '@mikro-orm/migrations';
import { isPostgres } from '../dialect.js';

/**
 * A migration written once per dialect, under one name, so SQLite and PostgreSQL run the same list in the
 * same order. `upSqlite` keeps the statements SQLite databases were migrated with (they must not change:
 * a database made by an older version has to end identical to a fresh one); `upPostgres` builds the
 * equivalent schema with PostgreSQL's types (timestamptz, jsonb, boolean, serial, varchar lengths), the
 * way MikroORM's PostgreSQL schema generator writes the entities (the migrations test compares them).
 *
 * A new migration whose SQL both dialects read alike (double-quoted identifiers, no type that differs)
 * may extend `Migration` directly; anything with a date, json, boolean or auto-increment column extends
 * this one.
 */
export abstract class PortableMigration extends Migration {
  override async up(): Promise<void> {
    if (isPostgres(this)) await this.upPostgres();
    else await this.upSqlite();
  }

  protected abstract upSqlite(): Promise<void> | void;
  protected abstract upPostgres(): Promise<void> | void;
}
