import pg from 'pg';

/** Work that must run on one control plane at a time: started when this one leads, stopped when it stops. */
export interface Duties {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/** Which control plane runs the duties; the others wait their turn. */
export interface Leadership {
  /** True while this process holds leadership (and its duties are started or starting). */
  readonly isLeader: boolean;
  /**
   * Competes for leadership from now on and runs `duties` while it leads. Resolves once the first attempt is
   * decided (`isLeader` tells which way); the duties start in the background, so `start()` may wait for
   * something that comes later.
   */
  start(duties: Duties): Promise<void>;
  /** Stops the duties if they run, gives leadership up and stops competing. */
  stop(): Promise<void>;
}

/**
 * The session-level advisory lock the leader holds, in PostgreSQL's two-key form (a key space of its own:
 * it never meets a single bigint key). Advisory locks are per database, so two installations on one server
 * do not compete. 0x4c504c44 is "LPLD".
 */
export const LEADER_LOCK = [0x4c504c44, 1] as const;
/** Wait between two attempts of a replica that does not lead, and between two checks of the lock's connection. */
export const RETRY_MS = 2_000;

/** One control plane (SQLite): it always leads. */
export class SoleLeadership implements Leadership {
  private duties: Duties | null = null;
  private started: Promise<void> = Promise.resolve();

  get isLeader(): boolean {
    return this.duties !== null;
  }

  async start(duties: Duties): Promise<void> {
    this.duties = duties;
    this.started = runStart(duties, console.error);
  }

  async stop(): Promise<void> {
    const duties = this.duties;
    this.duties = null;
    await this.started;
    await duties?.stop();
  }
}

export interface PgLeadershipOptions {
  /** The database the replicas share (LAUNCHPAD_DATABASE_URL). */
  url: string;
  retryMs?: number;
  /** Where changes of leadership and connection trouble are reported (never the URL: it holds a password). */
  log?: (message: string) => void;
}

/**
 * Leadership among control planes on one PostgreSQL: the leader is the replica whose own connection holds
 * `pg_try_advisory_lock(LEADER_LOCK)`. The others try again every `retryMs`. A session-level lock lives as
 * long as its connection: when the leader's process dies (kill -9 included) the server closes the
 * connection and frees the lock, and the next attempt of another replica takes over. When the leader's
 * lock connection ends or fails a check, it stops its duties at once (it may no longer hold the lock) and
 * competes again on a new connection.
 */
export class PgLeadership implements Leadership {
  private client: pg.Client | null = null;
  private leading = false;
  private stopped = false;
  private duties: Duties | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The attempt under way, if one is: stop() waits for it, so no connection it opens outlives stop(). */
  private attempting: Promise<void> | null = null;
  /** Starting and stopping the duties, one after the other, in the order leadership changed. */
  private turn: Promise<void> = Promise.resolve();
  private readonly retryMs: number;

  constructor(private readonly options: PgLeadershipOptions) {
    this.retryMs = options.retryMs ?? RETRY_MS;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  async start(duties: Duties): Promise<void> {
    this.duties = duties;
    await this.tryNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.attempting;
    if (this.leading) this.resign();
    await this.turn;
    const client = this.client;
    this.client = null;
    if (!client) return;
    // Closing the connection frees the lock too; unlocking first frees it even if the close lingers.
    await client.query('select pg_advisory_unlock($1, $2)', [...LEADER_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }

  private tryNow(): Promise<void> {
    this.timer = null;
    this.attempting = this.attempt().finally(() => {
      this.attempting = null;
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.tryNow(), this.retryMs);
      this.timer.unref();
    });
    return this.attempting;
  }

  /** Tries to take the lock (or, leading, checks that the connection holding it still answers). */
  private async attempt(): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.leading) {
        await this.client!.query('select 1');
      } else {
        this.client ??= await this.connect();
        const { rows } = await this.client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock($1, $2) as locked',
          [...LEADER_LOCK],
        );
        if (rows[0]?.locked && !this.stopped) this.lead();
      }
    } catch (err) {
      this.report(`the leader lock's connection failed: ${(err as Error).message}`);
      this.drop();
    }
  }

  private lead(): void {
    this.leading = true;
    this.report('this control plane leads: it runs the background duties');
    const duties = this.duties!;
    this.turn = this.turn.then(() => runStart(duties, (...args) => this.report(args.join(' '))));
  }

  private resign(): void {
    this.leading = false;
    const duties = this.duties!;
    this.turn = this.turn.then(() =>
      duties.stop().catch((err) => this.report(`stopping the duties failed: ${(err as Error).message}`)),
    );
  }

  /** The lock's connection is gone or unusable: whatever it held is no longer ours. */
  private drop(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => {});
    if (this.leading) {
      this.report('lost the leader lock: background duties stop until this control plane leads again');
      this.resign();
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: 'launchpad leader',
      keepAlive: true,
      // A leader cut off from the server (its host gone, a network partition): the server drops the silent
      // connection, and with it the lock, after about 11 s of keepalive probes (or 10 s of an answer nobody
      // acknowledges); the leader itself stops its duties sooner, when its check gets no answer within the
      // query timeout.
      options:
        '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 -c tcp_user_timeout=10000',
      connectionTimeoutMillis: 10_000,
      query_timeout: Math.max(this.retryMs * 2, 5_000),
    });
    // An error on the idle connection (the server restarted, the backend was terminated) comes before its
    // 'end'; without a listener it would crash the process.
    client.on('error', (err) => this.report(`leader lock connection: ${err.message}`));
    client.on('end', () => {
      if (this.client === client) this.drop();
    });
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    return client;
  }

  private report(message: string): void {
    (this.options.log ?? console.warn)(`leadership: ${message}`);
  }
}

async function runStart(duties: Duties, log: (...args: unknown[]) => void): Promise<void> {
  try {
    await duties.start();
  } catch (err) {
    log('starting the background duties failed:', (err as Error).message);
  }
}
