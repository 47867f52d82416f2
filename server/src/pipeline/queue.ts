export interface QueueRunner {
  run(deployId: string, signal: AbortSignal): Promise<void>;
}

/** What a cancel found: a waiting deploy (taken out: the caller marks it), a running one, or neither. */
export type CancelOutcome = 'waiting' | 'running' | 'none';

/**
 * What services see of the deploy queue: one control plane's in-process queue (below), or the claims of
 * several control planes sharing one PostgreSQL (cluster/cluster-queue.ts).
 */
export interface DeployScheduler {
  /** Starts running deploys, once recovery at start is done. */
  start(): void;
  /**
   * Adds a QUEUED deploy. Waiting deploys of the same site and lane that it replaces (a newer deploy makes
   * an older one that has not started pointless) are handed to `cancelReplaced`, which marks them
   * CANCELLED. Only deploys of the same lane are replaced: a pull request's preview never cancels a
   * waiting production deploy.
   */
  enqueue(
    deployId: string,
    siteId: string,
    lane: string,
    cancelReplaced: (deployIds: string[]) => Promise<void>,
  ): Promise<void>;
  /** Takes a waiting deploy out, or aborts a running one (which then ends CANCELLED by itself). */
  cancel(deployId: string): Promise<CancelOutcome>;
  /** Cancels everything of a site (before it is deleted) and waits for its running deploy to stop. */
  drainSite(siteId: string): Promise<void>;
  /** Waits until none of these deploys is running (they were cancelled). */
  drainDeploys(deployIds: readonly string[]): Promise<void>;
  /** Whether the deploy runs now (here or, with several control planes, on any of them). */
  isRunning(deployId: string): boolean;
  readonly size: { waiting: number; running: number };
  /** Resolves when nothing is waiting or running here (tests and shutdown). */
  idle(): Promise<void>;
  /** Stops taking work and aborts what runs here; resolves when every running deploy has ended. */
  stop(): Promise<void>;
}

interface Entry {
  deployId: string;
  siteId: string;
  /** Deploys of one site and lane replace each other while waiting (domain/deploy-context.ts queueLane). */
  lane: string;
}

/**
 * Schedules deploys: at most `concurrency` run at once and at most one per site, in arrival order. The
 * queue itself is only a view of the QUEUED rows in the database, so nothing is lost across a restart:
 * recovery (pipeline/recovery.ts) enqueues them again at start. One control plane per database.
 */
export class DeployQueue implements DeployScheduler {
  private waiting: Entry[] = [];
  private readonly running = new Map<
    string,
    { siteId: string; abort: AbortController; done: Promise<void> }
  >();
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly runner: QueueRunner,
    private readonly concurrency: number,
  ) {}

  /** Runs what is enqueued at once: recovery enqueues what waited before the restart. */
  start(): void {}

  async enqueue(
    deployId: string,
    siteId: string,
    lane: string,
    cancelReplaced: (deployIds: string[]) => Promise<void>,
  ): Promise<void> {
    const same = (e: Entry) => e.siteId === siteId && e.lane === lane;
    const replaced = this.waiting.filter(same).map((e) => e.deployId);
    this.waiting = this.waiting.filter((e) => !same(e));
    this.waiting.push({ deployId, siteId, lane });
    this.pump();
    if (replaced.length > 0) await cancelReplaced(replaced);
  }

  async cancel(deployId: string): Promise<CancelOutcome> {
    const before = this.waiting.length;
    this.waiting = this.waiting.filter((e) => e.deployId !== deployId);
    if (this.waiting.length !== before) return 'waiting';
    const running = this.running.get(deployId);
    if (!running) return 'none';
    running.abort.abort();
    return 'running';
  }

  async drainSite(siteId: string): Promise<void> {
    this.waiting = this.waiting.filter((e) => e.siteId !== siteId);
    const running = [...this.running.values()].filter((r) => r.siteId === siteId);
    for (const r of running) r.abort.abort();
    await Promise.all(running.map((r) => r.done));
  }

  async drainDeploys(deployIds: readonly string[]): Promise<void> {
    await Promise.all(deployIds.map((id) => this.running.get(id)?.done));
  }

  isRunning(deployId: string): boolean {
    return this.running.has(deployId);
  }

  get size(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running.size };
  }

  idle(): Promise<void> {
    if (this.waiting.length === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting = [];
    for (const r of this.running.values()) r.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private pump(): void {
    if (this.stopped) return;
    while (this.running.size < this.concurrency) {
      const busySites = new Set([...this.running.values()].map((r) => r.siteId));
      const index = this.waiting.findIndex((e) => !busySites.has(e.siteId));
      if (index < 0) break;
      const [entry] = this.waiting.splice(index, 1);
      this.launch(entry!);
    }
    if (this.waiting.length === 0 && this.running.size === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private launch(entry: Entry): void {
    const abort = new AbortController();
    const done = this.runner
      .run(entry.deployId, abort.signal)
      .catch((err) => console.error(`deploy ${entry.deployId} crashed:`, err))
      .finally(() => {
        this.running.delete(entry.deployId);
        this.pump();
      });
    this.running.set(entry.deployId, { siteId: entry.siteId, abort, done });
  }
}
