import type { EntitySchema, ObjectQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { DeployEntity, LogLineEntity, SiteEntity, WebhookDeliveryEntity } from '../db/entities.js';
import { BadInputError, NotFoundError } from '../domain/errors.js';
import type { Deploy, LogLine, Site, WebhookDelivery } from '../domain/model.js';
import { batchOnly, byId, unique } from './batch.js';
import { newestPerSite } from './newest-per-site.js';
import { plainSelect } from './plain-rows.js';
import { type Caller, findDeploy, findSite, visibleSites } from './scope.js';
import { afterCursor, checkWindow, containsPattern, type SiteWindow } from './site-list.js';

/** Longest page of deploys or deliveries one field returns. */
export const MAX_LIST = 200;

/**
 * Everything the API reads, for one operation of one caller. Every read is scoped by the caller's
 * principal (services/scope.ts), and the per-site relations are batched: resolving a field for N sites in
 * one execution tick is one query, not N (DataLoader collects the keys, then one `IN` or window query
 * answers them all). What it returns are plain, read-only rows (services/plain-rows.ts), not managed
 * entities: the API only shows them. Built fresh per operation. The loaders batch but do not memoise (`cache: false`): a
 * subscription's operation lives for many events, and each event must see the rows as they are then.
 */
export class Reads {
  private readonly sitesById: DataLoader<string, Site | null>;
  private readonly deploysById: DataLoader<string, Deploy | null>;
  private readonly newestDeploys = new Map<string, DataLoader<string, Deploy[]>>();
  private readonly newestDeliveries = new Map<string, DataLoader<string, WebhookDelivery[]>>();
  /** Deploy pages sites() loaded with the list, by pageKey() and site id. */
  private readonly deployPagesInHand = new Map<string, Map<string, Deploy[]>>();

  constructor(private readonly caller: Caller) {
    const { em } = caller;
    this.sitesById = new DataLoader((ids) => {
      // The principal as it is now: a join earlier in the operation widens it (domain/principal.ts).
      const where = { $and: [visibleSites(caller.principal), { id: { $in: unique(ids) } }] };
      return plainSelect(em, SiteEntity, em.createQueryBuilder(SiteEntity).where(where)).then((rows) =>
        byId(ids, rows),
      );
    }, batchOnly());
    // Deploys are only ever reached through a site the caller sees (site lists, or `deploy()` below,
    // which checks its site), so loading them by id needs no second scope check.
    this.deploysById = new DataLoader((ids) => {
      const qb = em.createQueryBuilder(DeployEntity).where({ id: { $in: unique(ids) } });
      return plainSelect(em, DeployEntity, qb).then((rows) => byId(ids, rows));
    }, batchOnly());
  }

  /**
   * Newest first, of every team the caller sees or of `teamId` only, all of them or the window `list`
   * describes (services/site-list.ts). With `properties` (schema/selection.ts), only those and `id` are
   * loaded: the rest of each row is left out, so hand these rows only to fields that read no other property.
   */
  async sites(
    properties?: readonly string[] | null,
    deploysPage?: Page | null,
    list: SiteWindow & { teamId?: string } = {},
  ): Promise<Site[]> {
    const { em, principal } = this.caller;
    const { first, after, search } = checkWindow(list);
    const where: ObjectQuery<Site>[] = [visibleSites(principal)];
    if (list.teamId !== undefined) where.push({ teamId: list.teamId });
    if (after) where.push(afterCursor(await this.cursor(where, after)));
    const qb = em
      .createQueryBuilder(SiteEntity)
      .select(properties ? columnsOf<Site>(properties) : '*')
      .where({ $and: where })
      .orderBy({ createdAt: 'desc', id: 'desc' });
    if (search) {
      const pattern = containsPattern(search);
      qb.andWhere(`(lower(${qb.alias}.name) like ? escape '!' or ${qb.alias}.slug like ? escape '!')`, [
        pattern,
        pattern,
      ]);
    }
    if (first !== null) qb.limit(first);
    const sites = await plainSelect(em, SiteEntity, qb);
    if (deploysPage && sites.length > 0) {
      const n = clamp(deploysPage.first);
      const ids = sites.map((site) => site.id);
      const pages = await newestPerSite(em, DeployEntity, 'number', ids, n, selectOf(deploysPage.properties));
      this.deployPagesInHand.set(pageKey(n, deploysPage.properties), pages);
    }
    return sites;
  }

  /** The site a page continues after: one of the same list, else the cursor is not the caller's to use. */
  private async cursor(where: ObjectQuery<Site>[], id: string): Promise<Pick<Site, 'id' | 'createdAt'>> {
    const { em } = this.caller;
    const qb = em
      .createQueryBuilder(SiteEntity)
      .select(['id', 'createdAt'])
      .where({ $and: [...where, { id }] });
    const [row] = await plainSelect(em, SiteEntity, qb);
    if (!row) throw new BadInputError('after names no site of this list', 'after');
    return row;
  }

  site(id: string): Promise<Site | null> {
    return this.sitesById.load(id);
  }

  siteBySlug(slug: string): Promise<Site | null> {
    return findSite(this.caller, { slug });
  }

  /** A deploy the caller may see (its site is visible), or null. */
  deploy(id: string): Promise<Deploy | null> {
    return findDeploy(this.caller, id);
  }

  /** The site a visible deploy belongs to. */
  async siteOf(deploy: Pick<Deploy, 'siteId'>): Promise<Site> {
    const site = await this.sitesById.load(deploy.siteId);
    if (!site) throw new NotFoundError(`No site ${deploy.siteId}`);
    return site;
  }

  currentDeploy(site: Pick<Site, 'currentDeployId'>): Promise<Deploy | null> {
    return site.currentDeployId ? this.deploysById.load(site.currentDeployId) : Promise.resolve(null);
  }

  /** A deploy linked from one the caller already sees (a rollback's source, a delivery's deploy). */
  linkedDeploy(id: string | null): Promise<Deploy | null> {
    return id ? this.deploysById.load(id) : Promise.resolve(null);
  }

  /**
   * Newest first; `properties` as for sites(). A page sites() loaded ahead is answered as it is, without a
   * promise: a thousand sites' pages then cost the executor no thousand promises.
   */
  deploys(
    site: Pick<Site, 'id'>,
    first: number,
    properties?: readonly string[] | null,
  ): Deploy[] | Promise<Deploy[]> {
    const inHand = this.deployPagesInHand.get(pageKey(clamp(first), properties))?.get(site.id);
    return inHand ?? this.newest(this.newestDeploys, DeployEntity, 'number', first, properties).load(site.id);
  }

  /** Newest first. */
  webhookDeliveries(site: Pick<Site, 'id'>, first: number): Promise<WebhookDelivery[]> {
    return this.newest(this.newestDeliveries, WebhookDeliveryEntity, 'receivedAt', first).load(site.id);
  }

  /**
   * One loader per page size and selection: a page of sites asking for the same `first` (the same fields
   * of each row) is one query.
   */
  private newest<T extends { id: string; siteId: string }>(
    loaders: Map<string, DataLoader<string, T[]>>,
    entity: EntitySchema<T>,
    orderBy: keyof T & string,
    first: number,
    properties?: readonly string[] | null,
  ): DataLoader<string, T[]> {
    const n = clamp(first);
    const key = pageKey(n, properties);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (siteIds) => {
        const bySite = await newestPerSite(
          this.caller.em,
          entity,
          orderBy,
          siteIds,
          n,
          selectOf<T>(properties),
        );
        return siteIds.map((id) => bySite.get(id) ?? []);
      }, batchOnly());
      loaders.set(key, loader);
    }
    return loader;
  }

  /** Stored lines of a visible deploy with seq > after, oldest first. Not cached: logs grow while read. */
  logLines(deployId: string, after: number, limit: number): Promise<LogLine[]> {
    return this.caller.em.find(
      LogLineEntity,
      { deployId, seq: { $gt: after } },
      { orderBy: { seq: 'asc' }, limit, disableIdentityMap: true },
    );
  }
}

/** A page of each listed site's rows: its size and the properties its fields read (null: all). */
export interface Page {
  first: number;
  properties: readonly string[] | null;
}

function pageKey(first: number, properties: readonly string[] | null | undefined): string {
  return `${first}:${properties ? properties.join(',') : '*'}`;
}

function selectOf<T>(properties: readonly string[] | null | undefined): (keyof T & string)[] | null {
  return (properties as (keyof T & string)[] | null | undefined) ?? null;
}

/** The properties to select: the id (batching keys by it) and the ones asked for. */
function columnsOf<T>(properties: readonly string[]): (keyof T & string)[] {
  return [...new Set(['id', ...properties])] as (keyof T & string)[];
}

function clamp(n: number): number {
  return Math.max(0, Math.min(n, MAX_LIST));
}
