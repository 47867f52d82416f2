import type { EntityManager } from '@mikro-orm/knex';
import { TrafficBucketEntity, type TrafficSpan } from '../db/traffic-entities.js';
import { BadInputError } from '../domain/errors.js';
import { bucketStart, SPAN_MS } from './aggregate.js';
import { emptyLatency, latencyQuantile } from './latency.js';

/** api.md's TrafficPoint. */
export interface TrafficPoint {
  at: Date;
  requests: number;
  bytes: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** A chart needs no more; a wider range asks for a longer interval. */
export const MAX_POINTS = 3000;

/**
 * One point per `span` from the bucket holding `from` to the one holding `to` (default now), oldest first;
 * a bucket without requests is a point of zeros (a chart's line drops to zero there rather than
 * jumping over the gap). Buckets past their retention read as zeros too.
 */
export async function trafficPoints(
  em: EntityManager,
  siteId: string,
  from: Date,
  to: Date | null,
  span: TrafficSpan,
): Promise<TrafficPoint[]> {
  const end = to ?? new Date();
  if (Number.isNaN(from.getTime()) || Number.isNaN(end.getTime()))
    throw new BadInputError('from and to must be dates', 'from');
  if (end < from) throw new BadInputError('`to` is before `from`', 'to');
  const first = bucketStart(span, from.getTime());
  const last = bucketStart(span, end.getTime());
  const count = (last - first) / SPAN_MS[span] + 1;
  if (count > MAX_POINTS) {
    throw new BadInputError(
      `${count} points of ${span.toLowerCase()}s; at most ${MAX_POINTS}: ask for a longer interval`,
      'interval',
    );
  }
  const rows = await em.find(
    TrafficBucketEntity,
    { siteId, span, at: { $gte: new Date(first), $lte: new Date(last) } },
    { orderBy: { at: 'asc' }, disableIdentityMap: true },
  );
  const byAt = new Map(rows.map((r) => [r.at.getTime(), r]));
  const points: TrafficPoint[] = [];
  for (let at = first; at <= last; at += SPAN_MS[span]) {
    const row = byAt.get(at);
    const latency = row?.latency ?? emptyLatency();
    points.push({
      at: new Date(at),
      requests: row?.requests ?? 0,
      bytes: row?.bytes ?? 0,
      status2xx: row?.status2xx ?? 0,
      status3xx: row?.status3xx ?? 0,
      status4xx: row?.status4xx ?? 0,
      status5xx: row?.status5xx ?? 0,
      p50Ms: latencyQuantile(latency, 0.5),
      p95Ms: latencyQuantile(latency, 0.95),
    });
  }
  return points;
}
