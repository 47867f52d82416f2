import pg from 'pg';

/** First key of the presence lock ("LP" and 3; see claims.ts). */
export const PRESENCE_LOCK = 0x4c50_0003;
/** Waits before opening a lost presence connection again. */
const RECONNECT_MS = 2_000;

/**
 * Which control planes are alive on one PostgreSQL (issue 16), told by the database itself: each replica
 * holds a shared advisory lock on one connection for as long as it runs, and PostgreSQL drops it when that
 * connection ends, however the process died. A replica starting while nobody else holds it gets the lock
 * exclusively: it is alone, and recovers everything as a single control plane does at start (every deploy
 * in flight failed with the process, work dirs are scratch). One that finds others recovers only what dead
 * replicas left (cluster/claims.ts). Two replicas starting together cannot both think they are alone, and
 * the second waits until the first has finished recovering.
 */
export class Presence {
  private client: pg.Client | null = null;
  private closed = false;

  private constructor(
    private readonly url: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Joins; `alone` when no other replica runs (the exclusive lock is then held until `settle`). */
  static async join(
    url: string,
    log: (message: string) => void,
  ): Promise<{ presence: Presence; alone: boolean }> {
    const presence = new Presence(url, log);
    const client = await presence.connect();
    const { rows } = await client.query<{ alone: boolean }>('select pg_try_advisory_lock($1, 0) as alone', [
      PRESENCE_LOCK,
    ]);
    const alone = rows[0]?.alone === true;
    if (!alone) await client.query('select pg_advisory_lock_shared($1, 0)', [PRESENCE_LOCK]);
    return { presence, alone };
  }

  /** After recovering alone: other replicas may start now (shared taken before exclusive goes, no gap). */
  async settle(): Promise<void> {
    await this.client?.query('select pg_advisory_lock_shared($1, 0)', [PRESENCE_LOCK]);
    await this.client?.query('select pg_advisory_unlock($1, 0)', [PRESENCE_LOCK]);
  }

  async leave(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'launchpad presence' });
    // Without a listener an idle connection's error would crash the process; 'end' follows it.
    client.on('error', (err) => this.log(`presence connection: ${err.message}`));
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.closed) setTimeout(() => void this.rejoin(), RECONNECT_MS).unref();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  /** A lost connection (the database restarted): present again, as a replica among others. */
  private async rejoin(): Promise<void> {
    if (this.closed || this.client) return;
    let client: pg.Client;
    try {
      client = await this.connect();
    } catch (err) {
      this.log(`presence: could not reconnect: ${String(err)}`);
      if (!this.closed) setTimeout(() => void this.rejoin(), RECONNECT_MS).unref();
      return;
    }
    // Should this fail, the connection's end (which follows) tries again.
    await client.query('select pg_advisory_lock_shared($1, 0)', [PRESENCE_LOCK]).catch(() => client.end());
  }
}
