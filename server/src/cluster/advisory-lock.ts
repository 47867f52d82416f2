import type pg from 'pg';

/**
 * One PostgreSQL advisory lock: a space (the first key, one per kind of lock; "LP" and a number, see
 * claims.ts) and a name hashed into the second key. Hash collisions only make two names share a lock.
 */
export interface AdvisoryKey {
  space: number;
  name: string;
}

export type AdvisoryMode = 'shared' | 'exclusive';

/** A session lock held on one pooled connection; `release` gives both back. */
export interface AdvisoryHold {
  release(): Promise<void>;
}

/**
 * Takes a session advisory lock on a connection of its own, waiting for it. A session lock, not a
 * transaction's: it is held across awaits of other work, and PostgreSQL frees it by itself when the
 * connection ends, however its process died.
 */
export async function holdAdvisoryLock(
  pool: pg.Pool,
  mode: AdvisoryMode,
  key: AdvisoryKey,
): Promise<AdvisoryHold> {
  const suffix = mode === 'shared' ? '_shared' : '';
  const db = await pool.connect();
  try {
    await db.query(`select pg_advisory_lock${suffix}($1, hashtext($2))`, [key.space, key.name]);
  } catch (err) {
    db.release(err as Error);
    throw err;
  }
  return {
    async release() {
      const failed = await db
        .query(`select pg_advisory_unlock${suffix}($1, hashtext($2))`, [key.space, key.name])
        .then(
          () => undefined,
          (err: Error) => err,
        );
      // A connection that may still hold the lock must not go back to the pool: closing it frees the lock.
      db.release(failed);
    },
  };
}

/** Runs `work` while holding the lock. */
export async function withAdvisoryLock<T>(
  pool: pg.Pool,
  mode: AdvisoryMode,
  key: AdvisoryKey,
  work: () => Promise<T>,
): Promise<T> {
  const hold = await holdAdvisoryLock(pool, mode, key);
  try {
    return await work();
  } finally {
    await hold.release();
  }
}
