import type pg from 'pg';
import { type SiteLock, SiteLocks } from '../pipeline/site-locks.js';
import { withAdvisoryLock } from './advisory-lock.js';

/** First key of the advisory lock held while a site's serving changes ("LP" and 2; see claims.ts). */
const SITE_ACTIVATION_LOCK = 0x4c50_0002;

/**
 * The per-site activation lock across control planes sharing one PostgreSQL (issue 16): a deploy going
 * live on one replica and a rollback asked of another never interleave their switch of the site's files
 * and server config. Work for one site queues in-process first, so a replica holds at most one database
 * connection per site; the database lock is a session lock on that connection (cluster/advisory-lock.ts).
 */
export class PgSiteLocks implements SiteLock {
  private readonly local = new SiteLocks();

  constructor(private readonly pool: pg.Pool) {}

  run<T>(siteId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(siteId, () =>
      withAdvisoryLock(this.pool, 'exclusive', { space: SITE_ACTIVATION_LOCK, name: siteId }, work),
    );
  }
}
