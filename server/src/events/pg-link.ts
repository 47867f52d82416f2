import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { EventLink } from './replicated-target.js';
import { EventAssembler, encodeBatch, type WireEvent } from './wire.js';

/** The NOTIFY channel every replica of one database listens on. */
const CHANNEL = 'launchpad_events';
/** Waits between attempts to reconnect a lost connection: quick at first, then every few seconds. */
const RECONNECT_MS = [100, 500, 1_000, 2_000, 5_000];
/**
 * Events delivered per turn of the event loop. A batch from a busy replica can hold thousands, and a
 * subscription (yoga's Repeater) holds at most 1,024 undelivered: between slices its consumer catches up.
 */
const DELIVER_SLICE = 256;

export interface PgLinkOptions {
  /** The database the replicas share (LAUNCHPAD_DATABASE_URL). */
  url: string;
  /** Where connection trouble is reported (the events themselves never are: they may carry log text). */
  log?: (message: string) => void;
}

/**
 * The replicas' event link over PostgreSQL LISTEN/NOTIFY: no broker beside the database they already share.
 * Two connections of its own (outside the ORM's pool, whose connections come and go): one listens, one
 * sends. Sending is batched: whatever events queue while a NOTIFY is on its way go in the next one, so a
 * build printing thousands of lines a second costs a few round trips, not one per line. A lost connection
 * is opened again; events sent while the listener was away are not replayed here: once it listens again,
 * `onResume` handlers are told, and subscribers that must not miss any (deployLog) re-read the database.
 */
export class PgEventLink implements EventLink {
  /** Tells this replica's own notifications apart (PostgreSQL delivers them to its listener too). */
  private readonly id = randomBytes(8).toString('hex');
  private readonly assembler = new EventAssembler();
  private handlers: ((type: string, detail: unknown) => void)[] = [];
  private resumeHandlers: (() => void)[] = [];
  private queued: WireEvent[] = [];
  /** Events from other replicas not yet delivered here, oldest first. */
  private inbound: WireEvent[] = [];
  private delivering = false;
  /** The running flush, while one runs. */
  private flushing: Promise<void> | null = null;
  private batches = 0;
  private closed = false;
  private listener: pg.Client | null = null;
  private sender: pg.Client | null = null;

  private constructor(private readonly options: PgLinkOptions) {}

  /** Connects and starts listening; resolves once events from the other replicas arrive. */
  static async open(options: PgLinkOptions): Promise<PgEventLink> {
    const link = new PgEventLink(options);
    await link.listen();
    link.sender = await link.connect('sender');
    return link;
  }

  send(type: string, detail: unknown): void {
    if (this.closed) return;
    this.queued.push({ type, detail });
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
    });
  }

  onEvent(handler: (type: string, detail: unknown) => void): void {
    this.handlers.push(handler);
  }

  onResume(handler: () => void): void {
    this.resumeHandlers.push(handler);
  }

  async close(): Promise<void> {
    // What is queued still goes out: a replica that stops cleanly tells the others its last events.
    while (this.flushing) await this.flushing;
    this.closed = true;
    await Promise.all([this.listener?.end(), this.sender?.end()].map((p) => p?.catch(() => {})));
  }

  private async flush(): Promise<void> {
    while (this.queued.length > 0 && !this.closed) {
      const batch = this.queued;
      this.queued = [];
      const payloads = encodeBatch(this.id, ++this.batches, batch);
      try {
        this.sender ??= await this.connect('sender');
        const sender = this.sender;
        // One statement for every part: pg_notify runs once per row, in order.
        await sender.query(
          'select pg_notify($1, payload) from unnest($2::text[]) with ordinality as p(payload, n) order by n',
          [CHANNEL, payloads],
        );
      } catch (err) {
        // The batch is lost to the other replicas (never to this one's subscribers, who had it already);
        // the next batch opens a new connection.
        this.report(`could not send ${batch.length} event(s) to other replicas: ${(err as Error).message}`);
        await this.sender?.end().catch(() => {});
        this.sender = null;
      }
    }
  }

  private async deliver(): Promise<void> {
    this.delivering = true;
    try {
      while (this.inbound.length > 0) {
        for (const { type, detail } of this.inbound.splice(0, DELIVER_SLICE)) {
          for (const handler of this.handlers) handler(type, detail);
        }
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.delivering = false;
    }
  }

  private async listen(): Promise<void> {
    const client = await this.connect('listener');
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const whole = this.assembler.accept(msg.payload);
      if (!whole || whole.sender === this.id) return;
      this.inbound.push(...whole.events);
      if (!this.delivering) void this.deliver();
    });
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
      if (!this.closed) void this.relisten();
    });
    await client.query(`listen ${CHANNEL}`);
    this.listener = client;
  }

  private async relisten(): Promise<void> {
    this.assembler.reset();
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((r) => setTimeout(r, RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]));
      if (this.closed) return;
      try {
        await this.listen();
        this.report('listening for other replicas again');
        for (const handler of this.resumeHandlers) handler();
        return;
      } catch (err) {
        this.report(`could not listen for other replicas: ${(err as Error).message}`);
      }
    }
  }

  private async connect(role: string): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `launchpad events ${role}`,
    });
    // An error on an idle connection (the server restarted) is followed by 'end'; without a listener it
    // would crash the process.
    client.on('error', (err) => this.report(`event ${role} connection: ${err.message}`));
    await client.connect();
    return client;
  }

  private report(message: string): void {
    (this.options.log ?? console.warn)(`events: ${message}`);
  }
}
