import type pg from 'pg';
import { type ReadersWriterLock, RwLock } from '../pipeline/store/rw-lock.js';
import { type AdvisoryHold, type AdvisoryKey, holdAdvisoryLock, withAdvisoryLock } from './advisory-lock.js';

/** The content store's lock ("LP" and 4; see claims.ts). */
export const STORE_LOCK: AdvisoryKey = { space: 0x4c50_0004, name: 'files' };

/**
 * The content store's readers-writer lock across control planes sharing one data dir and one PostgreSQL
 * (issue 16): a replica collecting unreferenced blobs must not remove one that another replica has just
 * found in the store and is about to link. Holders queue in-process first (RwLock), then in the database
 * (pg_advisory_lock_shared / pg_advisory_lock). However many deploys of this replica link at once, they
 * share one database hold: the first to come takes it, the last to leave gives it back.
 */
export class PgRwLock implements ReadersWriterLock {
  private readonly local = new RwLock();
  private holders = 0;
  private hold: Promise<AdvisoryHold> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly key: AdvisoryKey = STORE_LOCK,
  ) {}

  shared<T>(fn: () => Promise<T>): Promise<T> {
    return this.local.shared(async () => {
      await this.enter();
      try {
        return await fn();
      } finally {
        await this.leave();
      }
    });
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Locally exclusive first: every shared holder of this process has left and given its hold back, so
    // this process never waits in the database for a lock it holds itself.
    return this.local.exclusive(() => withAdvisoryLock(this.pool, 'exclusive', this.key, fn));
  }

  private async enter(): Promise<void> {
    this.holders++;
    this.hold ??= holdAdvisoryLock(this.pool, 'shared', this.key);
    const hold = this.hold;
    try {
      await hold;
    } catch (err) {
      this.holders--;
      if (this.hold === hold) this.hold = null;
      throw err;
    }
  }

  private async leave(): Promise<void> {
    this.holders--;
    if (this.holders > 0 || !this.hold) return;
    const hold = this.hold;
    this.hold = null;
    await (await hold).release();
  }
}
