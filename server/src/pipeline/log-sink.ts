import { createWriteStream, type WriteStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/knex';
import { isSqlite } from '../db/dialect.js';
import type { LogLine, LogStream } from '../domain/model.js';
import { storableText } from '../domain/storable-text.js';
import type { PubSub } from '../events/pubsub.js';
import { redactText } from '../secrets/redact.js';

export const MAX_LINE_CHARS = 8192;
/** Table and columns of LogLineEntity (db/entities.ts), as its migrations create them. */
const INSERT_SQLITE =
  "insert into log_lines (deploy_id, seq, at, stream, text) select ?, json_extract(value, '$[0]'), " +
  "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]') from json_each(?)";
const INSERT_POSTGRES =
  'insert into log_lines (deploy_id, seq, at, stream, text) ' +
  'select ?, (e->>0)::int, (e->>1)::timestamptz, e->>2, e->>3 from json_array_elements(?::json) as e';
export const MAX_LINES_PER_DEPLOY = 100_000;
export const MAX_BYTES_PER_DEPLOY = 32 * 1024 * 1024;
const FLUSH_INTERVAL_MS = 50;
const FLUSH_LINES = 500;

export interface LogSinkOptions {
  deployId: string;
  em: EntityManager;
  bus: PubSub;
  file: string;
  /** Sequence number of the last line already stored for this deploy (0 for a new deploy). */
  lastSeq?: number;
  /**
   * Strings no line may show (the site's secret values and their encodings, secrets/redact.ts): each
   * becomes `***` before a line is written, stored or published. Build output is also masked as a stream
   * before it is split into lines (a value split across chunks); this catches every other line.
   */
  redact?: readonly string[];
  now?: () => Date;
}

/**
 * Collects one deploy's log lines: numbers them, writes them to `logs/<deployId>.log` and to the database in
 * batches (one multi-row insert per batch), and publishes each batch as one event only after it is stored,
 * so a subscriber that replays from the database after subscribing can never miss a line. Batches end every
 * FLUSH_LINES lines or FLUSH_INTERVAL_MS: a build printing as fast as it can costs one insert, one file write
 * and one event per FLUSH_LINES lines, not per line (issue 15).
 */
export class LogSink {
  private seq: number;
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private readonly file: WriteStream;
  private capped = false;
  private bytes = 0;
  private readonly now: () => Date;
  private sqlite: boolean | undefined;
  /** The time of the lines written in this turn of the event loop (one chunk of output): one Date for all. */
  private turnAt: Date | null = null;

  constructor(private readonly opts: LogSinkOptions) {
    this.seq = opts.lastSeq ?? 0;
    this.now = opts.now ?? (() => new Date());
    this.file = createWriteStream(opts.file, { flags: 'a' });
    this.file.on('error', () => {}); // the database copy is authoritative; a full disk must not crash us
  }

  system(text: string): void {
    this.write('SYSTEM', text);
  }

  write(stream: LogStream, text: string): void {
    if (this.capped) return;
    if (this.seq >= MAX_LINES_PER_DEPLOY || this.bytes >= MAX_BYTES_PER_DEPLOY) {
      this.capped = true;
      this.push(
        'SYSTEM',
        `log truncated: over ${MAX_LINES_PER_DEPLOY} lines or ${MAX_BYTES_PER_DEPLOY / 1024 / 1024} MB; later output is not kept`,
      );
      return;
    }
    // Build output is hostile: a NUL would make the database refuse the whole batch the line is in.
    // Masked first, so that a cut at the length limit never leaves part of a secret.
    const masked = redactText(text, this.opts.redact ?? []);
    const clean = storableText(masked.endsWith('\r') ? masked.slice(0, -1) : masked);
    this.push(
      stream,
      clean.length > MAX_LINE_CHARS
        ? `${clean.slice(0, MAX_LINE_CHARS)} … [line truncated: ${clean.length} chars]`
        : clean,
    );
  }

  /** Writes out everything pending; resolves once it is committed and published. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      // The file gets the batch at once, in order, even while an earlier batch is still being stored.
      let file = '';
      for (const line of batch) file += `${this.isoOf(line.at)} ${line.stream.padEnd(6)} ${line.text}\n`;
      this.file.write(file);
      this.flushing = this.flushing.then(() => this.persist(batch));
    }
    return this.flushing;
  }

  /** Flushes, closes the file and tells subscribers the log is complete. */
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve) => this.file.end(resolve));
    this.opts.bus.publish('deploy:log', this.opts.deployId, { end: true });
  }

  private push(stream: LogStream, text: string): void {
    if (!this.turnAt) {
      this.turnAt = this.now();
      queueMicrotask(() => (this.turnAt = null));
    }
    const line: LogLine = { deployId: this.opts.deployId, seq: ++this.seq, at: this.turnAt, stream, text };
    this.bytes += text.length;
    this.pending.push(line);
    if (this.pending.length >= FLUSH_LINES) void this.flush();
    else if (!this.timer) this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  private lastAt: Date | null = null;
  private lastIso = '';

  /** Lines of a turn share their Date (push), so most lines reuse the last one's text. */
  private isoOf(at: Date): string {
    if (at !== this.lastAt) {
      this.lastAt = at;
      this.lastIso = at.toISOString();
    }
    return this.lastIso;
  }

  private async persist(batch: LogLine[]): Promise<void> {
    let stored = batch;
    try {
      await this.insert(batch);
    } catch (err) {
      // One bad line must not cost its neighbours: store the batch line by line, and a line that still
      // fails as a note in its place, so the log keeps its order and says where something is missing.
      this.file.write(`log batch of ${batch.length} lines failed (${String(err)}); storing line by line\n`);
      stored = [];
      for (const line of batch) {
        const kept = (await this.insertOne(line)) ?? (await this.insertOne(unstorable(line)));
        if (kept) stored.push(kept);
      }
    }
    if (stored.length > 0) this.opts.bus.publish('deploy:log', this.opts.deployId, { lines: stored });
  }

  private async insertOne(line: LogLine): Promise<LogLine | null> {
    try {
      await this.insert([line]);
      return line;
    } catch (err) {
      this.file.write(`log line ${line.seq} could not be stored: ${String(err)}\n`);
      return null;
    }
  }

  /**
   * One INSERT of the whole batch, its lines as one JSON parameter that the database takes apart: a single
   * statement is atomic without a transaction around it. MikroORM's insertMany formatted each of a batch's
   * 2,500 values into the SQL text, and 2,500 bound parameters still cost the driver (knex scans and the
   * binding converts each one) most of the database's share of a log line; a JSON text is one value.
   * Times go in as each dialect stores them (SQLite: milliseconds, as MikroORM does; PostgreSQL: timestamptz).
   */
  private async insert(batch: LogLine[]): Promise<void> {
    const knex = this.opts.em.getConnection().getKnex();
    this.sqlite ??= isSqlite(this.opts.em.getConnection());
    const sqlite = this.sqlite;
    const rows: unknown[] = [];
    for (const l of batch) rows.push([l.seq, sqlite ? l.at.getTime() : l.at.toISOString(), l.stream, l.text]);
    await knex.raw(sqlite ? INSERT_SQLITE : INSERT_POSTGRES, [this.opts.deployId, JSON.stringify(rows)]);
  }
}

function unstorable(line: LogLine): LogLine {
  return { ...line, stream: 'SYSTEM', text: `[log line ${line.seq} could not be stored]` };
}
