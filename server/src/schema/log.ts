import { Repeater } from 'graphql-yoga';
import { isSettled, type LogLine } from '../domain/model.js';
import type { LogBatch, LogEnd } from '../events/pubsub.js';
import { unfold } from '../events/unfold.js';
import { getDeploy } from '../services/scope.js';
import { READ } from './auth.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { LogStreamEnum } from './enums.js';
import { DeployRef, LogLineRef } from './refs.js';
import { boundedSubscription } from './subscribe.js';

const MAX_PAGE = 5000;

LogLineRef.implement({
  description: 'One line of a deploy log; seq counts from 1 per deploy',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    at: t.expose('at', { type: 'DateTime' }),
    stream: t.expose('stream', { type: LogStreamEnum }),
    text: t.exposeString('text'),
  }),
});

builder.objectField(DeployRef, 'logs', (t) =>
  t.field({
    type: [LogLineRef],
    description: 'Stored lines with seq > after, oldest first',
    args: { after: t.arg.int(), first: t.arg.int({ defaultValue: 1000 }) },
    resolve: (deploy, { after, first }, ctx) =>
      ctx.reads.logLines(deploy.id, after ?? 0, Math.max(0, Math.min(first ?? 1000, MAX_PAGE))),
  }),
);

/**
 * Lines with seq > after, then live ones, each exactly once, ending when the deploy's log is complete.
 * Order matters: subscribe to live lines first, then read the deploy's status and replay from the database,
 * then drop live lines already replayed. Lines are published only after they are committed, so every line
 * is either in the replay or arrives live. Lines move in batches (a replayed page, a committed batch) and
 * are handed out one by one (unfold); the batches come from a Repeater, so that an unsubscribe ends a
 * pending wait at once.
 */
function followLog(ctx: Context, deployId: string, after: number): AsyncIterableIterator<LogLine> {
  const batches = new Repeater<readonly LogLine[]>(async (push, stop) => {
    // Live lines that arrive while the stored ones are replayed do not count against the slow-subscriber
    // limit: a build printing as fast as it can outruns a replay of thousands of lines, and a subscriber that
    // reads at once would be cut off for lines it was never given the chance to read. Those lines are bounded
    // by the deploy's own log limits (log-sink.ts: 100,000 lines, 32 MB). Once live, every line counts. The
    // weight is fixed when an event is buffered, so the buffer's count stays exact.
    let replaying = true;
    const weights = new WeakMap<object, number>();
    const weight = (event: LogBatch | LogEnd) => {
      let w = weights.get(event);
      if (w === undefined) {
        w = replaying ? 0 : 'lines' in event ? event.lines.length : 1;
        weights.set(event, w);
      }
      return w;
    };
    const live = boundedSubscription(ctx, ctx.bus.subscribe('deploy:log', deployId), undefined, weight);
    // With several control planes: this replica's link to the others dropped and came back, and what they
    // sent meanwhile (a batch, or the end marker itself) never arrives; the database has it.
    // Read eagerly, as `live` is, so a resumption from now on is never missed.
    const resumed = boundedSubscription(ctx, ctx.bus.subscribe('link:resumed'));
    const events = Repeater.merge([live, resumed]);
    void stop.then(() => Promise.all([live.return?.(), resumed.return?.()]));
    try {
      // Read now, after joining the live lines, and from the database: the operation's unit of work already
      // holds the row as the subscribe check saw it, and a deploy that settled in between (a rollback takes
      // milliseconds) would look under way and be followed forever for an end marker already published.
      const settled = async () =>
        isSettled((await getDeploy({ ...ctx.caller, em: ctx.caller.em.fork() }, deployId)).status);
      // A settled deploy flushed its whole log before its final status was stored.
      const complete = await settled();
      /** Pushes the stored lines after `from`, page by page; returns the last seq pushed. */
      const replay = async (from: number) => {
        for (let last = from; ; ) {
          const page = await ctx.reads.logLines(deployId, last, MAX_PAGE);
          if (page.length > 0) {
            last = page.at(-1)!.seq;
            await push(page);
          }
          if (page.length < MAX_PAGE) return last;
        }
      };
      let last = await replay(after);
      replaying = false;
      if (!complete) {
        for await (const event of events) {
          if (!('lines' in event) && !('end' in event)) {
            // Status first: a deploy settled by then had its whole log stored, so the replay reads it all.
            const ended = await settled();
            last = await replay(last);
            if (ended) break;
            continue;
          }
          if ('end' in event) {
            // The sink stores every line before it publishes the end, but the last batches' events may
            // have been lost between control planes, with no later batch to show the gap: read the rest.
            await replay(last);
            break;
          }
          const fresh = linesAfter(event.lines, last);
          if (fresh.length === 0) continue;
          // Lines skipped: with several control planes, a batch sent while this replica's listening
          // connection was down never arrives (events/pg-link.ts). They are committed before they are
          // published, so the database has them.
          if (fresh[0]!.seq > last + 1)
            await push(await ctx.reads.logLines(deployId, last, fresh[0]!.seq - last - 1));
          last = fresh.at(-1)!.seq;
          await push(fresh);
        }
      }
      stop();
    } catch (err) {
      stop(err);
    } finally {
      await Promise.all([live.return?.(), resumed.return?.()]);
    }
  });
  return unfold(batches);
}

/** The lines of a batch (in seq order) with seq > last: a batch may straddle the end of the replay. */
export function linesAfter(lines: readonly LogLine[], last: number): readonly LogLine[] {
  if (lines.length === 0 || lines[0]!.seq > last) return lines;
  return lines.filter((line) => line.seq > last);
}

builder.subscriptionFields((t) => ({
  deployLog: t.field({
    type: LogLineRef,
    description: 'Lines with seq > after, then live lines until the deploy ends; no gaps, no repeats',
    args: { deployId: t.arg.id({ required: true }), after: t.arg.int() },
    authScopes: READ,
    // Checked before the stream starts, so an invisible deploy answers NOT_FOUND rather than an empty stream.
    subscribe: async (_root, { deployId, after }, ctx) => {
      await getDeploy(ctx.caller, String(deployId));
      return followLog(ctx, String(deployId), after ?? 0);
    },
    resolve: (line) => line,
  }),
}));
