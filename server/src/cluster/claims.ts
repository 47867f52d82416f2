import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';

/**
 * Deploy claims of control planes sharing one PostgreSQL (issue 16). A replica runs a queued deploy only
 * after inserting its row in `deploy_claims` (the deploy's id is the primary key, so a second claim cannot
 * exist), and keeps the claim alive with a lease it renews. Everything here is one SQL statement or one
 * short transaction; the queue (cluster/cluster-queue.ts) decides when to call what.
 */

/** A deploy's statuses while it waits or runs: what a claim can hold. */
const OPEN = `('QUEUED', 'BUILDING', 'PUBLISHING')`;
/**
 * First key of the two-key advisory lock that serialises claims of one site (the second is the site id's
 * hash). Any number works as long as nothing else in the database uses it: "LP" and 1.
 */
export const SITE_CLAIM_LOCK = 0x4c50_0001;

export interface ClaimedDeploy {
  deployId: string;
  siteId: string;
  status: string;
}

/** `<host>/<pid>/<random>`: which process holds a claim, readable by an operator looking at the table. */
export function newOwnerId(): string {
  return `${hostname().slice(0, 48)}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

export class DeployClaims {
  constructor(
    private readonly pool: pg.Pool,
    /** This process (newOwnerId). */
    readonly owner: string,
    /** How long a claim holds without renewal. */
    private readonly leaseMs: number,
  ) {}

  /**
   * Claims the oldest queued deploy nobody has claimed, of a site where no other deploy is claimed: at most
   * one deploy per site runs anywhere. Candidates are read with FOR NO KEY UPDATE SKIP LOCKED, so replicas
   * claiming at the same moment take different deploys instead of waiting on each other (NO KEY: a claim's
   * foreign key check on a deploy another claimer has read does not wait for that claimer). Claims of one
   * site are serialised by an advisory lock held to the end of the transaction, so two replicas cannot
   * each start a deploy of the same site, and under it the site's oldest waiting deploy is the one taken.
   * `skipSites` are sites this replica already runs.
   */
  async claimNext(skipSites: readonly string[]): Promise<ClaimedDeploy | null> {
    return this.transaction(async (db) => {
      const skip = [...skipSites];
      for (;;) {
        const { rows } = await db.query<{ id: string; site_id: string }>(
          `select d.id, d.site_id from deploys d
            where d.status = 'QUEUED' and d.site_id <> all($1::text[])
              and not exists (select 1 from deploy_claims k where k.deploy_id = d.id)
            order by d.created_at, d.id
            limit 1
            for no key update of d skip locked`,
          [skip],
        );
        const next = rows[0];
        if (!next) return null;
        // Tried, not waited for: this transaction keeps the locks of the sites it passed over, so two
        // claimers waiting on each other's next site would deadlock. A site another claimer is looking at
        // is left to it; if that one finds it busy, the release that frees it wakes every replica again.
        const { rows: lock } = await db.query<{ ok: boolean }>(
          'select pg_try_advisory_xact_lock($1, hashtext($2)) as ok',
          [SITE_CLAIM_LOCK, next.site_id],
        );
        if (!lock[0]?.ok || (await this.siteBusy(db, next.site_id))) {
          skip.push(next.site_id);
          continue;
        }
        // SKIP LOCKED may have passed over an older deploy of this site whose row another claimer had
        // locked while it looked at the site (and then left it, the site being busy then). Under the site's
        // lock a fresh read gives the site's true oldest: that one runs first.
        const oldest = await this.oldestWaiting(db, next.site_id);
        if (!oldest) {
          skip.push(next.site_id);
          continue;
        }
        const claimed = await this.insertClaims(db, [oldest]);
        if (claimed.length === 1) return { deployId: oldest, siteId: next.site_id, status: 'QUEUED' };
      }
    });
  }

  /**
   * Claims the queued deploys that `deployId` (just queued) replaces: the site's unclaimed deploys of the
   * same lane (production, one branch, one pull request) queued before it. The caller cancels them and
   * releases the claims. Under the site's claim lock, so two replicas queueing for one site at once never
   * cancel each other's deploy.
   */
  async claimReplaced(deployId: string): Promise<string[]> {
    return this.transaction(async (db) => {
      const { rows: news } = await db.query<{ site_id: string }>(
        'select site_id from deploys where id = $1',
        [deployId],
      );
      if (!news[0]) return [];
      await db.query('select pg_advisory_xact_lock($1, hashtext($2))', [SITE_CLAIM_LOCK, news[0].site_id]);
      const { rows } = await db.query<{ id: string }>(
        `select d.id from deploys d join deploys n on n.id = $1
          where d.site_id = n.site_id and d.id <> n.id and d.status = 'QUEUED'
            and (d.created_at, d.id) < (n.created_at, n.id)
            and d.context = n.context
            and (n.context = 'PRODUCTION'
              or (n.context = 'PREVIEW' and d.pull_request = n.pull_request)
              or (n.context = 'BRANCH' and d.branch = n.branch))
            and not exists (select 1 from deploy_claims k where k.deploy_id = d.id)
          for no key update of d skip locked`,
        [deployId],
      );
      return this.insertClaims(
        db,
        rows.map((r) => r.id),
      );
    });
  }

  /** Claims one queued deploy nobody runs, so that the caller can cancel it; false when it is claimed. */
  async claimToCancel(deployId: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `insert into deploy_claims (deploy_id, owner, lease_until)
       select id, $2, now() + $3 * interval '1 millisecond' from deploys where id = $1 and status = 'QUEUED'
       on conflict do nothing returning deploy_id`,
      [deployId, this.owner, this.leaseMs],
    );
    return rows.length === 1;
  }

  /** Gives up this replica's claim of a deploy (it ended, was cancelled, or goes back to the queue). */
  async release(deployId: string): Promise<void> {
    await this.pool.query('delete from deploy_claims where deploy_id = $1 and owner = $2', [
      deployId,
      this.owner,
    ]);
  }

  /** The heartbeat: every claim of this replica holds for another lease. Returns the deploys it holds. */
  async renew(): Promise<ClaimedDeploy[]> {
    const { rows } = await this.pool.query<{ deploy_id: string; site_id: string; status: string }>(
      `update deploy_claims k set lease_until = now() + $2 * interval '1 millisecond' from deploys d
        where k.owner = $1 and d.id = k.deploy_id
       returning k.deploy_id, d.site_id, d.status`,
      [this.owner, this.leaseMs],
    );
    return rows.map((r) => ({ deployId: r.deploy_id, siteId: r.site_id, status: r.status }));
  }

  /**
   * Takes over the claims whose lease ran out (their replica died or lost the database): the caller
   * recovers each deploy and releases it. SKIP LOCKED again: two survivors adopt different ones.
   */
  async adoptExpired(): Promise<ClaimedDeploy[]> {
    const { rows } = await this.pool.query<{ deploy_id: string; site_id: string; status: string }>(
      `with expired as (
         select deploy_id from deploy_claims where lease_until < now() and owner <> $1
         for update skip locked)
       update deploy_claims k set owner = $1, lease_until = now() + $2 * interval '1 millisecond'
         from expired, deploys d
        where k.deploy_id = expired.deploy_id and d.id = k.deploy_id
       returning k.deploy_id, d.site_id, d.status`,
      [this.owner, this.leaseMs],
    );
    return rows.map((r) => ({ deployId: r.deploy_id, siteId: r.site_id, status: r.status }));
  }

  /**
   * At a start with no other replica alive (cluster/presence.ts): every claim is a dead replica's, and
   * recovery treats every deploy in flight as interrupted, as one control plane does.
   */
  async dropAll(): Promise<void> {
    await this.pool.query('delete from deploy_claims');
  }

  /**
   * Deploys building or publishing that no replica holds a claim on (written before claims existed, or
   * whose claim went with a cascade): claimed here, for recovery, like expired ones.
   */
  async adoptUnclaimed(): Promise<ClaimedDeploy[]> {
    const { rows } = await this.pool.query<{ deploy_id: string; site_id: string; status: string }>(
      `with adopted as (
         insert into deploy_claims (deploy_id, owner, lease_until)
         select d.id, $1, now() + $2 * interval '1 millisecond' from deploys d
          where d.status in ('BUILDING', 'PUBLISHING')
            and not exists (select 1 from deploy_claims k where k.deploy_id = d.id)
         on conflict do nothing returning deploy_id)
       select a.deploy_id, d.site_id, d.status from adopted a join deploys d on d.id = a.deploy_id`,
      [this.owner, this.leaseMs],
    );
    return rows.map((r) => ({ deployId: r.deploy_id, siteId: r.site_id, status: r.status }));
  }

  /** Deploys another replica holds a live claim on: recovery at start leaves them (and their files) alone. */
  async heldElsewhere(): Promise<ClaimedDeploy[]> {
    const { rows } = await this.pool.query<{ deploy_id: string; site_id: string; status: string }>(
      `select k.deploy_id, d.site_id, d.status from deploy_claims k join deploys d on d.id = k.deploy_id
        where k.owner <> $1 and k.lease_until >= now()`,
      [this.owner],
    );
    return rows.map((r) => ({ deployId: r.deploy_id, siteId: r.site_id, status: r.status }));
  }

  /** Of these deploys, the ones some replica still holds (a live claim). */
  async held(deployIds: readonly string[]): Promise<string[]> {
    if (deployIds.length === 0) return [];
    const { rows } = await this.pool.query<{ deploy_id: string }>(
      'select deploy_id from deploy_claims where deploy_id = any($1::text[]) and lease_until >= now()',
      [[...deployIds]],
    );
    return rows.map((r) => r.deploy_id);
  }

  /** A site's deploys before it is deleted: queued ones nobody claimed, and those some replica holds. */
  async siteDeploys(siteId: string): Promise<{ unclaimed: string[]; claimed: string[] }> {
    const { rows } = await this.pool.query<{ id: string; claimed: boolean }>(
      `select d.id, exists (select 1 from deploy_claims k where k.deploy_id = d.id and k.lease_until >= now())
              as claimed
         from deploys d where d.site_id = $1 and d.status in ${OPEN}`,
      [siteId],
    );
    return {
      unclaimed: rows.filter((r) => !r.claimed).map((r) => r.id),
      claimed: rows.filter((r) => r.claimed).map((r) => r.id),
    };
  }

  /** Drops this replica's claims of deploys that ended (a cancelled waiting deploy's, say). */
  async dropEnded(): Promise<void> {
    await this.pool.query(
      `delete from deploy_claims k using deploys d
        where d.id = k.deploy_id and k.owner = $1 and d.status not in ${OPEN}`,
      [this.owner],
    );
  }

  /** Queued deploys no replica has claimed yet (the queue-size gauge). */
  async waiting(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `select count(*) as n from deploys d where d.status = 'QUEUED'
         and not exists (select 1 from deploy_claims k where k.deploy_id = d.id)`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  private async siteBusy(db: pg.PoolClient, siteId: string): Promise<boolean> {
    const { rows } = await db.query(
      `select 1 from deploy_claims k join deploys r on r.id = k.deploy_id
        where r.site_id = $1 and r.status in ${OPEN} limit 1`,
      [siteId],
    );
    return rows.length > 0;
  }

  private async oldestWaiting(db: pg.PoolClient, siteId: string): Promise<string | undefined> {
    const { rows } = await db.query<{ id: string }>(
      `select d.id from deploys d
        where d.site_id = $1 and d.status = 'QUEUED'
          and not exists (select 1 from deploy_claims k where k.deploy_id = d.id)
        order by d.created_at, d.id
        limit 1`,
      [siteId],
    );
    return rows[0]?.id;
  }

  private async insertClaims(db: pg.PoolClient, deployIds: readonly string[]): Promise<string[]> {
    if (deployIds.length === 0) return [];
    const { rows } = await db.query<{ deploy_id: string }>(
      `insert into deploy_claims (deploy_id, owner, lease_until)
       select id, $2, now() + $3 * interval '1 millisecond' from unnest($1::text[]) as id
       on conflict do nothing returning deploy_id`,
      [[...deployIds], this.owner, this.leaseMs],
    );
    return rows.map((r) => r.deploy_id);
  }

  private async transaction<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      await db.query('begin');
      const result = await work(db);
      await db.query('commit');
      return result;
    } catch (err) {
      await db.query('rollback').catch(() => {});
      throw err;
    } finally {
      db.release();
    }
  }
}
