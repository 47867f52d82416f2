import type pg from 'pg';
import { type SiteLock, SiteLocks } from '../pipeline/site-locks.js';

/** First key of the advisory lock held while a site's serving changes ("LP" and 2; see claims.ts). */
const SITE_ACTIVATION_LOCK = 0x4c50_0002;

/**
 * The per-site activation lock across control planes sharing one PostgreSQL (issue 16): a deploy going
 * live on one replica and a rollback asked of another never interleave their switch of the site's files
 * and server config. Work for one site queues in-process first, so a replica holds at most one database
 * connection per site; the database lock is a session lock on that connection, which PostgreSQL frees
 * by itself when the connection ends, however its process died.
 */
export class PgSiteLocks implements SiteLock {
  private readonly local = new SiteLocks();

  constructor(private readonly pool: pg.Pool) {}

  run<T>(siteId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(siteId, async () => {
      const db = await this.pool.connect();
      try {
        await db.query('select pg_advisory_lock($1, hashtext($2))', [SITE_ACTIVATION_LOCK, siteId]);
      } catch (err) {
        db.release(err as Error);
        throw err;
      }
      try {
        return await work();
      } finally {
        // A connection that may still hold the lock must not go back to the pool: closing it frees the lock.
        const failed = await db
          .query('select pg_advisory_unlock($1, hashtext($2))', [SITE_ACTIVATION_LOCK, siteId])
          .then(
            () => undefined,
            (err: Error) => err,
          );
        db.release(failed);
      }
    });
  }
}
