import { SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import type { AccessLogFile, AccessLogSource } from '../runtime/ports.js';
import { TrafficAggregate } from './aggregate.js';
import { type CursorChange, loadCursors, pruneTraffic, recordTraffic } from './store.js';

export interface TrafficCollectorOptions {
  orm: Orm;
  source: AccessLogSource;
  /** LAUNCHPAD_TRAFFIC_INTERVAL: time between two passes over the logs. */
  intervalMs: number;
  /** A current file this big, read to its end, is rotated (default 64 MiB). */
  rotateBytes?: number;
  /** A rotated file unchanged for this long is finished: nginx reopened its log well before (default 5 s). */
  settleMs?: number;
  /** Bytes read from one file per transaction (default 4 MiB): bounds memory, not throughput. */
  readBytes?: number;
}

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Reads every site's access log from where it left off, adds the requests to the traffic tables and
 * keeps the files small: a pass every `intervalMs`, one site at a time, one file open at a time. What was
 * read and the offsets it moved commit together (traffic/store.ts), so a crash at any point neither loses
 * nor double counts; a rotated file is deleted only after its last offset is committed as done.
 */
export class TrafficCollector {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private prunedAt = 0;

  constructor(private readonly opts: TrafficCollectorOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass now (a pass already running is waited for, then another runs). */
  async collect(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.collect()
        .catch((err) => console.error('traffic: reading the access logs failed:', err))
        .finally(() => this.schedule());
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    const em = this.opts.orm.em.fork();
    const files = await this.opts.source.files();
    const bySite = new Map<string, AccessLogFile[]>();
    for (const f of files) bySite.set(f.siteId, [...(bySite.get(f.siteId) ?? []), f]);
    const live = new Set(
      (
        await em.find(
          SiteEntity,
          { id: { $in: [...bySite.keys()] } },
          { fields: ['id'], disableIdentityMap: true },
        )
      ).map((s) => s.id),
    );
    const cursors = await loadCursors(em);
    for (const [siteId, siteFiles] of bySite) {
      if (this.stopped) return;
      // Its rows went with it (on delete cascade); its folder goes now.
      if (!live.has(siteId)) await this.opts.source.removeSite(siteId);
      else await this.site(siteId, siteFiles, cursors.get(siteId) ?? new Map());
    }
    if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      await pruneTraffic(this.opts.orm.em.fork(), new Date());
      this.prunedAt = Date.now();
    }
  }

  private async site(
    siteId: string,
    files: AccessLogFile[],
    known: Map<string, { offset: number; done: boolean }>,
  ): Promise<void> {
    const { source } = this.opts;
    const readBytes = this.opts.readBytes ?? 4 * 1024 * 1024;
    const settleMs = this.opts.settleMs ?? 5000;
    // Keys of files no longer there: forgotten in the first transaction.
    let forget = [...known.keys()].filter((key) => !files.some((f) => f.key === key));
    for (let more = true; more && !this.stopped; ) {
      more = false;
      const aggregate = new TrafficAggregate();
      const changes: CursorChange[] = [];
      let skipped = 0;
      for (const file of files) {
        const stored = known.get(file.key);
        const cursor = stored ?? { offset: 0, done: false };
        if (cursor.done) continue;
        // Smaller than where we were: not the file we read (restored, truncated by hand). Start over.
        const from = cursor.offset > file.size ? 0 : cursor.offset;
        const read = await source.read(file, from, readBytes);
        aggregate.add(read.records);
        skipped += read.skipped;
        const done =
          file.rotated && read.end >= file.size && Date.now() - file.modifiedAt.getTime() > settleMs;
        if (read.end !== cursor.offset || done) {
          changes.push({ key: file.key, offset: read.end, done, was: stored ? cursor.offset : null });
        }
        if (read.end < file.size && read.end > from) more = true;
      }
      if (skipped > 0)
        console.warn(`traffic: site ${siteId}: skipped ${skipped} unreadable access-log lines`);
      if (changes.length === 0 && forget.length === 0) break;
      await recordTraffic(this.opts.orm.em.fork(), siteId, aggregate, changes, forget);
      forget = [];
      for (const c of changes) known.set(c.key, { offset: c.offset, done: c.done });
    }
    // Only after its last offset is committed as done is a rotated file deleted.
    for (const file of files) if (file.rotated && known.get(file.key)?.done) await source.remove(file);
    const current = files.find((f) => !f.rotated);
    const rotateBytes = this.opts.rotateBytes ?? 64 * 1024 * 1024;
    if (
      current &&
      !files.some((f) => f.rotated) &&
      current.size >= rotateBytes &&
      known.get(current.key)?.offset === current.size
    ) {
      await source.rotate(current);
    }
  }
}
