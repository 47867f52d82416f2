/**
 * How many deliveries that deploy nothing (rejected, ignored) a site stores one row each for. Anyone can
 * POST to a webhook URL, so without a bound 1,000 unsigned requests would be 1,000 rows. Per site and
 * outcome, the first `rows` deliveries of a window are stored as they come; the last of them becomes a
 * summary that counts the rest of the window ("… then 980 more until 23:20 UTC"), rewritten at most once
 * per `writeEveryMs` so a flood costs a bounded number of writes too. In memory: a restart starts a fresh
 * window, which bounds rows by restarts, not by requests.
 */
export interface BudgetOptions {
  rows: number;
  windowMs: number;
  writeEveryMs: number;
}

export const DEFAULT_BUDGET: BudgetOptions = { rows: 20, windowMs: 10 * 60_000, writeEveryMs: 1000 };

/** A row to rewrite: the window's summary row with its count brought up to date. */
export interface SummaryWrite {
  rowId: string;
  reason: string;
}

export type BudgetDecision =
  /** Store this delivery with `reason` (the window's last row also announces the count). */
  | { store: true; reason: string; flush: SummaryWrite | null }
  /** Count it only; `flush` is the summary row to rewrite now, if any. */
  | { store: false; flush: SummaryWrite | null };

interface Window {
  start: number;
  stored: number;
  summary: { rowId: string; reason: string } | null;
  counted: number;
  written: number;
  lastWrite: number;
  latest: string;
}

export class DeliveryBudget {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly opts: BudgetOptions = DEFAULT_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, reason: string): BudgetDecision {
    const t = this.now();
    let w = this.windows.get(key);
    let flush: SummaryWrite | null = null;
    if (w && t - w.start >= this.opts.windowMs) {
      flush = this.pending(w); // the ended window's last count, so it is exact
      w = undefined;
    }
    if (!w) {
      w = { start: t, stored: 0, summary: null, counted: 0, written: 0, lastWrite: 0, latest: '' };
      this.windows.set(key, w);
    }
    if (w.stored < this.opts.rows) {
      w.stored += 1;
      const last = w.stored === this.opts.rows;
      return {
        store: true,
        reason: last
          ? `${reason} (${this.opts.rows} deliveries stored in this window: later ones until ${this.until(w)} are counted here)`
          : reason,
        flush,
      };
    }
    w.counted += 1;
    w.latest = reason;
    if (w.summary && (w.written === 0 || t - w.lastWrite >= this.opts.writeEveryMs)) {
      w.lastWrite = t;
      flush = this.pending(w);
    }
    return { store: false, flush };
  }

  /** Remembers the window's last stored row (`reason` as the delivery gave it) to hold the count. */
  stored(key: string, rowId: string, reason: string): void {
    const w = this.windows.get(key);
    if (w && w.stored === this.opts.rows && !w.summary) w.summary = { rowId, reason };
  }

  private pending(w: Window): SummaryWrite | null {
    if (!w.summary || w.written === w.counted) return null;
    w.written = w.counted;
    return {
      rowId: w.summary.rowId,
      reason: `${w.summary.reason} (then ${w.counted} more until ${this.until(w)}, counted, not stored one by one; latest: ${w.latest})`,
    };
  }

  private until(w: Window): string {
    return `${new Date(w.start + this.opts.windowMs).toISOString().slice(11, 16)} UTC`;
  }
}
