import type { PubSub } from '../events/pubsub.js';
import type { CancelOutcome, DeployScheduler, QueueRunner } from '../pipeline/queue.js';
import type { ClaimedDeploy, DeployClaims } from './claims.js';

export interface ClusterQueueOptions {
  claims: DeployClaims;
  runner: QueueRunner;
  /** LAUNCHPAD_BUILD_CONCURRENCY: deploys this replica runs at once. */
  concurrency: number;
  bus: PubSub;
  /** How often claims are renewed and expired ones looked for: a third of the lease, or less. */
  beatMs: number;
  /**
   * Deploys whose replica is gone, now claimed by this one: those that were building or publishing are
   * recovered (pipeline/recovery.ts recoverInterrupted) before their claims are released.
   */
  recoverAdopted(deploys: readonly ClaimedDeploy[]): Promise<void>;
  log?: (message: string) => void;
}

interface Running {
  siteId: string;
  /** When its claim was committed (Date.now()). */
  claimedAt: number;
  abort: AbortController;
  done: Promise<void>;
}

const inFlight = (d: ClaimedDeploy) => d.status === 'BUILDING' || d.status === 'PUBLISHING';

/** While a drain waits for deploys another replica runs: how often it looks again. */
const DRAIN_POLL_MS = 250;

/**
 * The deploy queue of control planes sharing one PostgreSQL (issue 16). The waiting list is the QUEUED
 * rows themselves: each replica claims the next one when it has room (cluster/claims.ts), so every deploy
 * runs exactly once whichever replica's API queued it, and at most one per site runs anywhere. Replicas
 * wake each other through the event bus (`queue:changed`, carried by LISTEN/NOTIFY); the heartbeat also
 * looks, so a lost wake-up delays a deploy by one beat, never forever.
 */
export class ClusterDeployQueue implements DeployScheduler {
  private readonly running = new Map<string, Running>();
  /** Deploys other replicas hold (refreshed every beat): `isRunning` answers for the whole cluster. */
  private heldElsewhere = new Set<string>();
  private waiting = 0;
  private stopped = true;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: ClusterQueueOptions) {}

  /** Starts claiming (after recovery at start) and listening to the other replicas. */
  start(): void {
    this.stopped = false;
    this.listen(this.opts.bus.subscribe('queue:changed'), () => this.pump());
    this.listen(this.opts.bus.subscribe('deploy:cancel'), ({ deployId }) =>
      this.running.get(deployId)?.abort.abort(),
    );
    this.timer = setInterval(() => this.beat(), this.opts.beatMs);
    this.timer.unref();
    this.pump();
  }

  async enqueue(
    deployId: string,
    _siteId: string,
    _lane: string,
    cancelReplaced: (deployIds: string[]) => Promise<void>,
  ): Promise<void> {
    const replaced = await this.opts.claims.claimReplaced(deployId);
    if (replaced.length > 0) {
      try {
        await cancelReplaced(replaced);
      } finally {
        await Promise.all(replaced.map((id) => this.opts.claims.release(id)));
      }
    }
    this.wakeAll();
  }

  async cancel(deployId: string): Promise<CancelOutcome> {
    const mine = this.running.get(deployId);
    if (mine) {
      mine.abort.abort();
      return 'running';
    }
    if (await this.opts.claims.claimToCancel(deployId)) {
      // The caller marks it CANCELLED; the claim goes at the next beat (claims of ended deploys are dropped).
      return 'waiting';
    }
    if ((await this.opts.claims.held([deployId])).length === 0) return 'none';
    // Another replica holds it: it aborts the deploy, which then ends CANCELLED there.
    this.opts.bus.publish('deploy:cancel', { deployId });
    return 'running';
  }

  async drainSite(siteId: string): Promise<void> {
    const held = await this.opts.claims.siteDeploys(siteId);
    for (const deployId of held.unclaimed) await this.opts.claims.claimToCancel(deployId);
    for (const run of this.running.values()) if (run.siteId === siteId) run.abort.abort();
    for (const deployId of held.claimed) {
      if (!this.running.has(deployId)) this.opts.bus.publish('deploy:cancel', { deployId });
    }
    await this.drainDeploys(held.claimed);
  }

  async drainDeploys(deployIds: readonly string[]): Promise<void> {
    await Promise.all(deployIds.map((id) => this.running.get(id)?.done));
    // Those another replica runs: until it lets go of them (or its lease runs out and a survivor does).
    let remote = deployIds.filter((id) => !this.running.has(id));
    while (remote.length > 0 && !this.stopped) {
      remote = await this.opts.claims.held(remote);
      if (remote.length > 0) await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    }
  }

  isRunning(deployId: string): boolean {
    return this.running.has(deployId) || this.heldElsewhere.has(deployId);
  }

  get size(): { waiting: number; running: number } {
    return { waiting: this.waiting, running: this.running.size };
  }

  /** Resolves once this replica runs nothing and finds nothing it could claim. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.running.size === 0 && !this.pumping && (await this.opts.claims.waiting()) === 0) return;
      await new Promise<void>((resolve) => {
        this.idleWaiters.push(resolve);
        setTimeout(resolve, DRAIN_POLL_MS).unref();
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const off of this.unsubscribe.splice(0)) off();
    for (const run of this.running.values()) run.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
    await this.beating;
    await this.pumping;
  }

  /** Claims deploys while this replica has room; one pass at a time, another pass when asked meanwhile. */
  private pump(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = (async () => {
      do {
        this.pumpAgain = false;
        while (!this.stopped && this.running.size < this.opts.concurrency) {
          const busy = [...this.running.values()].map((r) => r.siteId);
          const next = await this.opts.claims.claimNext(busy);
          if (!next) break;
          this.launch(next);
        }
      } while (this.pumpAgain && !this.stopped);
      this.waiting = await this.opts.claims.waiting();
    })()
      .catch((err) => this.opts.log?.(`deploy queue: could not claim deploys: ${String(err)}`))
      .finally(() => {
        this.pumping = null;
        this.notifyIdle();
      });
  }

  private launch(claim: ClaimedDeploy): void {
    const abort = new AbortController();
    const done = this.opts.runner
      .run(claim.deployId, abort.signal)
      .catch((err) => console.error(`deploy ${claim.deployId} crashed:`, err))
      .then(() => this.opts.claims.release(claim.deployId))
      .catch((err) => this.opts.log?.(`deploy queue: could not release ${claim.deployId}: ${String(err)}`))
      .finally(() => {
        this.running.delete(claim.deployId);
        // The site is free: a deploy of it waiting on any replica may start now.
        this.wakeAll();
      });
    this.running.set(claim.deployId, { siteId: claim.siteId, claimedAt: Date.now(), abort, done });
  }

  /**
   * The heartbeat: renews this replica's claims, recovers those of replicas whose lease ran out, and looks
   * for work in case a wake-up was lost.
   */
  private beat(): void {
    if (this.stopped || this.beating) return;
    this.beating = (async () => {
      const { claims } = this.opts;
      await claims.dropEnded();
      const asked = Date.now();
      const held = await claims.renew();
      const holding = new Set(held.map((d) => d.deployId));
      // A deploy whose claim this replica lost (it could not renew in time, and a survivor took the deploy
      // over) must not go on here as well. One claimed after the renewal was sent is not in its answer.
      for (const [id, run] of this.running) {
        if (run.claimedAt < asked && !holding.has(id)) {
          this.opts.log?.(`deploy queue: lost the claim of ${id}; stopping it here`);
          run.abort.abort();
        }
      }
      const adopted = await claims.adoptExpired();
      // A dead replica's waiting deploy goes back to the queue; one that already ended just loses its claim.
      for (const d of adopted) if (!inFlight(d)) await claims.release(d.deployId);
      // Deploys in flight that this replica holds but does not run: adopted ones, and any whose recovery
      // failed at an earlier beat (tried again until it succeeds).
      const orphans = [...held, ...adopted].filter((d) => inFlight(d) && !this.running.has(d.deployId));
      if (orphans.length > 0) {
        await this.opts.recoverAdopted(orphans);
        await Promise.all(orphans.map((d) => claims.release(d.deployId)));
      }
      if (adopted.length > 0) this.wakeAll();
      this.heldElsewhere = new Set((await claims.heldElsewhere()).map((d) => d.deployId));
      this.pump();
    })()
      .catch((err) => this.opts.log?.(`deploy queue: heartbeat failed: ${String(err)}`))
      .finally(() => {
        this.beating = null;
      });
  }

  /** This replica and the others look for work: a deploy was queued or a site became free. */
  private wakeAll(): void {
    this.opts.bus.publish('queue:changed', { at: Date.now() });
  }

  private notifyIdle(): void {
    if (this.running.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private listen<E>(events: AsyncIterableIterator<E>, handle: (event: E) => void): void {
    void (async () => {
      for await (const event of events) handle(event);
    })().catch(() => {});
    this.unsubscribe.push(() => void events.return?.(undefined));
  }
}
