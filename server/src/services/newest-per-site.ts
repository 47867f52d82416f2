import type { EntityDictionary, EntityKey, EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sqlite';
import { plainRows } from './plain-rows.js';

/**
 * The newest `first` rows of each of `siteIds`, in one statement: a window function ranks every site's
 * rows by `orderBy` (descending) and keeps the top ones, so a page of N sites costs one query however
 * many rows each has. SQLite (3.25+) and PostgreSQL both run it. Rows come back as plain read-only
 * objects (services/plain-rows.ts), grouped by site, newest first.
 */
export async function newestPerSite<T extends { siteId: string }>(
  em: EntityManager,
  entity: EntitySchema<T>,
  orderBy: keyof T & string,
  siteIds: readonly string[],
  first: number,
): Promise<Map<string, T[]>> {
  const bySite = new Map<string, T[]>(siteIds.map((id) => [id, []]));
  if (first <= 0 || siteIds.length === 0) return bySite;
  const meta = em.getMetadata().get<T>(entity.meta.className);
  const column = (prop: string) => meta.properties[prop as EntityKey<T>].fieldNames[0]!;
  const siteColumn = column('siteId');
  const orderColumn = column(orderBy);
  const knex = em.getKnex();
  const ranked = knex(meta.tableName)
    .select('*')
    .select(
      knex.raw('row_number() over (partition by ?? order by ?? desc) as lp_rank', [siteColumn, orderColumn]),
    )
    .whereIn(siteColumn, [...new Set(siteIds)]);
  const query = knex
    .select('*')
    .from(ranked.as('ranked'))
    .where('lp_rank', '<=', first)
    .orderBy([siteColumn, { column: orderColumn, order: 'desc' }]);
  const rows: EntityDictionary<T>[] = await em.execute(query);
  for (const row of rows) delete (row as { lp_rank?: number }).lp_rank;
  for (const item of plainRows(em, entity, rows)) bySite.get(item.siteId)?.push(item);
  return bySite;
}
