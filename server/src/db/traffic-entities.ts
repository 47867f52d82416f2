import { EntitySchema } from '@mikro-orm/core';

// Per-site traffic (issue 13), read from each site's nginx access log (runtime/docker/access-log-files.ts)
// and written by traffic/store.ts. Everything here goes with its site (on delete cascade).

/** A bucket's length: minute rows are kept 48 hours, hour rows 90 days, day rows 2 years. */
export const TRAFFIC_SPANS = ['MINUTE', 'HOUR', 'DAY'] as const;
export type TrafficSpan = (typeof TRAFFIC_SPANS)[number];

/** What a count of requests holds; the same columns in a bucket and in a site's running totals. */
export interface TrafficCounts {
  requests: number;
  /** Response bytes as nginx sent them (`$bytes_sent`, headers included). */
  bytes: number;
  status1xx: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
}

/** One site's requests in one minute, hour or day (UTC), starting at `at`. */
export interface TrafficBucket extends TrafficCounts {
  id?: number;
  siteId: string;
  span: TrafficSpan;
  at: Date;
  /** Request counts per latency bucket (traffic/latency.ts LATENCY_BOUNDS_MS), for p50/p95. */
  latency: number[];
}

/**
 * A site's totals since it was created: what `launchpad_site_requests_total` reports, exact across
 * restarts and unaffected by the buckets' retention.
 */
export interface TrafficTotals extends TrafficCounts {
  siteId: string;
}

/**
 * How far the control plane has read one access-log file (identified by device and inode, which a rename
 * keeps), written in the same transaction as the counts those bytes added. `done`: the file was read to
 * its end after nginx stopped writing it, and may be deleted.
 */
export interface AccessLogCursor {
  id?: number;
  siteId: string;
  fileKey: string;
  offset: number;
  done: boolean;
}

const siteReference = () =>
  ({
    kind: 'm:1',
    entity: 'Site',
    mapToPk: true,
    fieldName: 'site_id',
    deleteRule: 'cascade',
    index: false,
  }) as const;

const counts = {
  requests: { type: 'integer' },
  // A double holds whole numbers exactly up to 2^53 bytes (8 PiB): an int4 would overflow on PostgreSQL.
  bytes: { type: 'double' },
  status1xx: { type: 'integer' },
  status2xx: { type: 'integer' },
  status3xx: { type: 'integer' },
  status4xx: { type: 'integer' },
  status5xx: { type: 'integer' },
} as const;

export const TrafficBucketEntity = new EntitySchema<TrafficBucket>({
  name: 'TrafficBucket',
  tableName: 'site_traffic',
  // Serves the chart's range reads and the writer's lookups; (span, at) serves retention's deletes.
  uniques: [{ properties: ['siteId', 'span', 'at'] }],
  indexes: [{ properties: ['span', 'at'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    siteId: siteReference(),
    span: { type: 'string', length: 8 },
    at: { type: 'datetime' },
    ...counts,
    latency: { type: 'json' },
  },
});

export const TrafficTotalsEntity = new EntitySchema<TrafficTotals>({
  name: 'TrafficTotals',
  tableName: 'site_traffic_totals',
  properties: {
    siteId: { ...siteReference(), primary: true },
    ...counts,
  },
});

export const AccessLogCursorEntity = new EntitySchema<AccessLogCursor>({
  name: 'AccessLogCursor',
  tableName: 'access_log_cursors',
  uniques: [{ properties: ['siteId', 'fileKey'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    siteId: siteReference(),
    fileKey: { type: 'string', length: 64 },
    offset: { type: 'double' },
    done: { type: 'boolean' },
  },
});

export const trafficEntities = [TrafficBucketEntity, TrafficTotalsEntity, AccessLogCursorEntity];
