import pg from 'pg';
import type { PubSub } from '../events/pubsub.js';
import type { QueueRunner } from '../pipeline/queue.js';
import { type ClaimedDeploy, DeployClaims, newOwnerId } from './claims.js';
import { ClusterDeployQueue } from './cluster-queue.js';
import { PgRwLock } from './pg-rw-lock.js';
import { PgSiteLocks } from './pg-site-locks.js';
import { Presence } from './presence.js';

/** Connections of the claims, the heartbeat and the site locks (one per site activating at once). */
const POOL_SIZE = 8;
/**
 * Connections of the content store's lock, a pool of their own: a site lock's work (pruning old deploys)
 * collects blobs, and must never wait for a connection held by other site locks. One holds this replica's
 * shared hold, one an exclusive hold, one a shared hold taken while the last one is being given back.
 */
const STORE_POOL_SIZE = 3;
/** The heartbeat runs at least this often, so a freed site or a lost wake-up costs at most this long. */
const MAX_BEAT_MS = 2_000;

export interface ClusterOptions {
  /** LAUNCHPAD_DATABASE_URL. */
  url: string;
  /** LAUNCHPAD_LEASE_SECONDS, in milliseconds. */
  leaseMs: number;
  log?: (message: string) => void;
}

/**
 * What lets several control planes share one PostgreSQL (issue 16), opened once per process: the deploy
 * claims, the per-site activation lock, and this replica's presence. On SQLite none of it exists: one
 * control plane uses the in-process queue and locks.
 */
export class Cluster {
  private presence: Presence | null = null;

  private constructor(
    private readonly pools: pg.Pool[],
    readonly claims: DeployClaims,
    readonly locks: PgSiteLocks,
    /** The content store's lock (DataDir), held in the database too: replicas share one data dir. */
    readonly storeLock: PgRwLock,
    private readonly options: ClusterOptions,
  ) {}

  static open(options: ClusterOptions): Cluster {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: POOL_SIZE,
      application_name: 'launchpad claims',
    });
    const storePool = new pg.Pool({
      connectionString: options.url,
      max: STORE_POOL_SIZE,
      application_name: 'launchpad store lock',
    });
    // An idle connection's error (the server restarted) must not crash the process; the pool replaces it.
    for (const p of [pool, storePool])
      p.on('error', (err) => options.log?.(`cluster connection: ${err.message}`));
    return new Cluster(
      [pool, storePool],
      new DeployClaims(pool, newOwnerId(), options.leaseMs),
      new PgSiteLocks(pool),
      new PgRwLock(storePool),
      options,
    );
  }

  queue(opts: {
    runner: QueueRunner;
    concurrency: number;
    bus: PubSub;
    recoverAdopted(deploys: readonly ClaimedDeploy[]): Promise<void>;
  }): ClusterDeployQueue {
    return new ClusterDeployQueue({
      ...opts,
      claims: this.claims,
      beatMs: Math.min(this.options.leaseMs / 3, MAX_BEAT_MS),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
  }

  /**
   * Joins the replicas at start, before the API answers. Alone: `recoverAll` runs as one control plane's
   * recovery does (every claim left is a dead replica's). Among others: only the deploys of replicas that
   * died are recovered, through `recoverAdopted`, and their claims released.
   */
  async join(
    recoverAll: () => Promise<unknown>,
    recoverAdopted: (deploys: readonly ClaimedDeploy[]) => Promise<void>,
  ): Promise<void> {
    const log = this.options.log ?? ((message: string) => console.warn(message));
    const { presence, alone } = await Presence.join(this.options.url, log);
    this.presence = presence;
    if (alone) {
      await this.claims.dropAll();
      await recoverAll();
      await presence.settle();
      return;
    }
    const adopted = [...(await this.claims.adoptUnclaimed()), ...(await this.claims.adoptExpired())];
    await recoverAdopted(adopted.filter((d) => d.status === 'BUILDING' || d.status === 'PUBLISHING'));
    await Promise.all(adopted.map((d) => this.claims.release(d.deployId)));
  }

  async close(): Promise<void> {
    await this.presence?.leave();
    await Promise.all(this.pools.map((p) => p.end().catch(() => {})));
  }
}
