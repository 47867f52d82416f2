import { type EntityDictionary, type EntitySchema, JsonType } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/knex';

/**
 * Rows as plain objects of the entity's interface (domain/model.ts), for the API's read-only views: the
 * ORM maps columns to properties and database values to JavaScript ones, but nothing is hydrated into
 * managed entities or tracked for changes, which for a page of a thousand sites is most of the cost.
 * Never hand these to a service that writes: they are not managed.
 */
export async function plainSelect<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T>,
  qb: QueryBuilder<T>,
): Promise<T[]> {
  const rows = (await qb.execute('all', true)) as T[];
  return parseJson(em, entity, rows);
}

/** The same for rows a hand-written query returned with column names. */
export function plainRows<T extends object>(
  em: EntityManager,
  entity: EntitySchema<T>,
  rows: EntityDictionary<T>[],
): T[] {
  const meta = em.getMetadata().get<T>(entity.meta.className);
  const driver = em.getDriver();
  return parseJson(
    em,
    entity,
    rows.map((row) => driver.mapResult(row, meta) as T),
  );
}

/** Column mapping leaves JSON columns as the driver returns them (text on SQLite): convert them too. */
function parseJson<T extends object>(em: EntityManager, entity: EntitySchema<T>, rows: T[]): T[] {
  const meta = em.getMetadata().get<T>(entity.meta.className);
  const platform = em.getPlatform();
  const json = meta.props.filter((p) => p.customType instanceof JsonType);
  if (json.length === 0) return rows;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    for (const prop of json) {
      if (record[prop.name] != null)
        record[prop.name] = prop.customType!.convertToJSValue(record[prop.name], platform);
    }
  }
  return rows;
}
