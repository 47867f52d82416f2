import type { TrafficCounts, TrafficSpan } from '../db/traffic-entities.js';
import type { AccessRecord } from '../runtime/access-log.js';
import { emptyLatency, latencySlot } from './latency.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const SPAN_MS: Record<TrafficSpan, number> = { MINUTE, HOUR, DAY };

/** Start of the UTC minute, hour or day holding `ms`. */
export const bucketStart = (span: TrafficSpan, ms: number) => ms - (ms % SPAN_MS[span]);

export interface BucketDelta extends TrafficCounts {
  span: TrafficSpan;
  at: number;
  latency: number[];
}

export const zeroCounts = (): TrafficCounts => ({
  requests: 0,
  bytes: 0,
  status1xx: 0,
  status2xx: 0,
  status3xx: 0,
  status4xx: 0,
  status5xx: 0,
});

export function addCounts<T extends TrafficCounts>(into: T, from: TrafficCounts): T {
  into.requests += from.requests;
  into.bytes += from.bytes;
  into.status1xx += from.status1xx;
  into.status2xx += from.status2xx;
  into.status3xx += from.status3xx;
  into.status4xx += from.status4xx;
  into.status5xx += from.status5xx;
  return into;
}

const STATUS_KEY = ['status1xx', 'status2xx', 'status3xx', 'status4xx', 'status5xx'] as const;

/**
 * One site's records added up: per minute, hour and day of the time nginx answered (not of the time they
 * were read, so a late read lands where the requests happened), and in total.
 */
export class TrafficAggregate {
  readonly totals = zeroCounts();
  private readonly buckets = new Map<string, BucketDelta>();

  add(records: readonly AccessRecord[]): void {
    for (const r of records) {
      const statusKey = STATUS_KEY[Math.min(4, Math.max(0, Math.floor(r.status / 100) - 1))]!;
      const slot = latencySlot(r.ms);
      this.count(this.totals, r.bytes, statusKey);
      for (const span of ['MINUTE', 'HOUR', 'DAY'] as const) {
        const at = bucketStart(span, r.atMs);
        const key = `${span}:${at}`;
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = { span, at, ...zeroCounts(), latency: emptyLatency() };
          this.buckets.set(key, bucket);
        }
        this.count(bucket, r.bytes, statusKey);
        bucket.latency[slot]!++;
      }
    }
  }

  get empty(): boolean {
    return this.totals.requests === 0;
  }

  list(): BucketDelta[] {
    return [...this.buckets.values()];
  }

  private count(into: TrafficCounts, bytes: number, statusKey: (typeof STATUS_KEY)[number]) {
    into.requests++;
    into.bytes += bytes;
    into[statusKey]++;
  }
}
