/**
 * What the content store holds while it links (shared) and while it collects (exclusive). One process uses
 * RwLock; control planes sharing a data dir hold one in PostgreSQL too (cluster/pg-rw-lock.ts).
 */
export interface ReadersWriterLock {
  shared<T>(fn: () => Promise<T>): Promise<T>;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * A fair readers-writer lock for one process: any number of `shared` holders at once, an `exclusive` one
 * alone. Waiters are served in arrival order, so a stream of shared holders never starves an exclusive one.
 * The content store links blobs under `shared` and collects unreferenced ones under `exclusive`.
 */
export class RwLock implements ReadersWriterLock {
  private readers = 0;
  private writer = false;
  private readonly waiting: { exclusive: boolean; wake: () => void }[] = [];

  shared<T>(fn: () => Promise<T>): Promise<T> {
    return this.hold(false, fn);
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.hold(true, fn);
  }

  private async hold<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await fn();
    } finally {
      if (exclusive) this.writer = false;
      else this.readers--;
      this.pump();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.waiting.length === 0 && this.free(exclusive)) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ exclusive, wake }));
  }

  private free(exclusive: boolean): boolean {
    return exclusive ? !this.writer && this.readers === 0 : !this.writer;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.writer = true;
    else this.readers++;
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.free(this.waiting[0]!.exclusive)) {
      const next = this.waiting.shift()!;
      this.take(next.exclusive);
      next.wake();
    }
  }
}
