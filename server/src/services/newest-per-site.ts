import type { EntityDictionary, EntityKey, EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { plainRows } from './plain-rows.js';

/**
 * The newest `first` rows of each of `siteIds`, in one statement, grouped by site, newest first, as plain
 * read-only objects (services/plain-rows.ts). Only `properties` are loaded (with `id`, `siteId` and
 * `orderBy`); without them, whole rows.
 *
 * For each site the statement looks up the `first`-th newest `orderBy` value (or the oldest, when the site
 * has fewer rows) and reads the rows at or above it: two index seeks and one index range per site, so the
 * cost follows the rows answered, not the rows the sites have. A window function (`row_number() over
 * (partition by site_id …)`) ranks every row of every site instead, and measured 3–5× slower on SQLite
 * with 3 deploys per site, more with more. Ties at the threshold can return a few rows too many; they are
 * cut here. Plain SQL that PostgreSQL runs as well.
 */
export async function newestPerSite<T extends { id: string; siteId: string }>(
  em: EntityManager,
  entity: EntitySchema<T>,
  orderBy: keyof T & string,
  siteIds: readonly string[],
  first: number,
  properties?: readonly (keyof T & string)[] | null,
): Promise<Map<string, T[]>> {
  const bySite = new Map<string, T[]>(siteIds.map((id) => [id, []]));
  if (first <= 0 || siteIds.length === 0) return bySite;
  const metadata = em.getMetadata();
  const meta = metadata.get<T>(entity.meta.className);
  const sites = metadata.get(meta.properties['siteId' as EntityKey<T>].type).tableName;
  const column = (prop: string) => meta.properties[prop as EntityKey<T>].fieldNames[0]!;
  const siteColumn = column('siteId');
  const orderColumn = column(orderBy);
  const knex = em.getKnex();
  // `m`: the same table, correlated to the outer site `s`.
  const ofSite = () => knex(`${meta.tableName} as m`).whereRaw('?? = ??', [`m.${siteColumn}`, 's.id']);
  const nth = ofSite()
    .select(`m.${orderColumn}`)
    .orderBy(`m.${orderColumn}`, 'desc')
    .limit(1)
    .offset(first - 1);
  const oldest = ofSite().min(`m.${orderColumn}`);
  const columns = properties
    ? [...new Set(['id', 'siteId', orderBy, ...properties])].map((p) => `t.${column(p)}`)
    : ['t.*'];
  const query = knex(`${sites} as s`)
    .join(`${meta.tableName} as t`, `t.${siteColumn}`, 's.id')
    .whereIn('s.id', [...new Set(siteIds)])
    .whereRaw('?? >= coalesce((?), (?))', [`t.${orderColumn}`, nth, oldest])
    .select(columns)
    .orderBy([`t.${siteColumn}`, { column: `t.${orderColumn}`, order: 'desc' }]);
  const rows: EntityDictionary<T>[] = await em.execute(query);
  for (const item of plainRows(em, entity, rows)) {
    const page = bySite.get(item.siteId);
    if (page && page.length < first) page.push(item);
  }
  return bySite;
}
