/** Runs work for a site while no other work for that site runs under the same lock. */
export interface SiteLock {
  run<T>(siteId: string, work: () => Promise<T>): Promise<T>;
}

/**
 * One activation at a time per site. A deploy finishing its build, a rollback and a settings change all
 * rewrite the site's nginx config, reload it, swap `current` and update which deploy is current; run
 * concurrently they could interleave (and a deploy could mark a stale "previous" superseded). Work for
 * different sites runs in parallel. In-process: with several control planes on one PostgreSQL the lock
 * is also taken in the database (cluster/pg-site-locks.ts).
 */
export class SiteLocks implements SiteLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(siteId: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(siteId) ?? Promise.resolve();
    const result = before.then(work, work);
    const tail = result.catch(() => {});
    this.tails.set(siteId, tail);
    try {
      return await result;
    } finally {
      // Forget the site once nothing else queued behind this work.
      if (this.tails.get(siteId) === tail) this.tails.delete(siteId);
    }
  }
}
