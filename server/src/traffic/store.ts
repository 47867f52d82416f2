import type { EntityManager } from '@mikro-orm/knex';
import {
  AccessLogCursorEntity,
  TrafficBucketEntity,
  type TrafficSpan,
  TrafficTotalsEntity,
} from '../db/traffic-entities.js';
import { addCounts, SPAN_MS, type TrafficAggregate, zeroCounts } from './aggregate.js';
import { addLatency, emptyLatency } from './latency.js';

/** How long rows of each span are kept (issue 13). */
export const RETENTION_MS: Record<TrafficSpan, number> = {
  MINUTE: 48 * 3_600_000,
  HOUR: 90 * 86_400_000,
  DAY: 2 * 366 * 86_400_000,
};

export interface CursorChange {
  key: string;
  offset: number;
  done: boolean;
  /** Where the cursor stood when its lines were read (null: it had none yet). */
  was: number | null;
}

/** Another collector recorded the same lines first: this one's transaction records nothing. */
export class CursorMovedError extends Error {
  constructor(siteId: string, key: string) {
    super(`the access-log cursor ${key} of site ${siteId} moved while its lines were read`);
  }
}

/**
 * Adds what was read from a site's logs to its buckets and totals, and moves the read offsets past it, in
 * one transaction: after a crash either both happened or neither did, so no request is lost or counted
 * twice. `forget`: keys of files that are gone (their offsets are of no use any more).
 */
export async function recordTraffic(
  em: EntityManager,
  siteId: string,
  aggregate: TrafficAggregate,
  cursors: readonly CursorChange[],
  forget: readonly string[],
): Promise<void> {
  await em.transactional(async (tx) => {
    if (!aggregate.empty) {
      const deltas = aggregate.list();
      const existing = await tx.find(TrafficBucketEntity, {
        siteId,
        $or: deltas.map((d) => ({ span: d.span, at: new Date(d.at) })),
      });
      const byKey = new Map(existing.map((b) => [`${b.span}:${b.at.getTime()}`, b]));
      for (const delta of deltas) {
        const row = byKey.get(`${delta.span}:${delta.at}`);
        if (row) {
          addCounts(row, delta);
          // A new array: the ORM sees a JSON property as changed only when it is another value.
          row.latency = addLatency([...(row.latency ?? emptyLatency())], delta.latency);
        } else {
          tx.create(TrafficBucketEntity, {
            siteId,
            span: delta.span,
            at: new Date(delta.at),
            ...addCounts(zeroCounts(), delta),
            latency: delta.latency,
          });
        }
      }
      const totals = await tx.findOne(TrafficTotalsEntity, { siteId });
      if (totals) addCounts(totals, aggregate.totals);
      else tx.create(TrafficTotalsEntity, { siteId, ...addCounts(zeroCounts(), aggregate.totals) });
    }
    // A cursor moves only from where it stood when its lines were read: a second collector that read the
    // same lines (a control plane finishing its pass after it lost leadership, issue 16) finds it moved, or
    // its new cursor taken (a unique key), and its whole transaction rolls back. On PostgreSQL the
    // conditional update waits for the other transaction's commit before it compares.
    for (const change of cursors) {
      const next = { offset: change.offset, done: change.done };
      if (change.was === null) tx.create(AccessLogCursorEntity, { siteId, fileKey: change.key, ...next });
      else {
        const moved = await tx.nativeUpdate(
          AccessLogCursorEntity,
          { siteId, fileKey: change.key, offset: change.was },
          next,
        );
        if (moved === 0) throw new CursorMovedError(siteId, change.key);
      }
    }
    const rows = forget.length > 0 ? await tx.find(AccessLogCursorEntity, { siteId }) : [];
    const byKey = new Map(rows.map((c) => [c.fileKey, c]));
    for (const key of forget) {
      const row = byKey.get(key);
      if (row) tx.remove(row);
    }
  });
}

/** Every cursor, by site and file key. */
export async function loadCursors(
  em: EntityManager,
): Promise<Map<string, Map<string, { offset: number; done: boolean }>>> {
  const rows = await em.find(AccessLogCursorEntity, {}, { disableIdentityMap: true });
  const out = new Map<string, Map<string, { offset: number; done: boolean }>>();
  for (const row of rows) {
    const site = out.get(row.siteId) ?? new Map<string, { offset: number; done: boolean }>();
    out.set(row.siteId, site);
    site.set(row.fileKey, { offset: row.offset, done: row.done });
  }
  return out;
}

/** Deletes buckets past their span's retention; returns how many. */
export async function pruneTraffic(em: EntityManager, now: Date): Promise<number> {
  let removed = 0;
  for (const span of Object.keys(SPAN_MS) as TrafficSpan[]) {
    removed += await em.nativeDelete(TrafficBucketEntity, {
      span,
      at: { $lt: new Date(now.getTime() - RETENTION_MS[span]) },
    });
  }
  return removed;
}
