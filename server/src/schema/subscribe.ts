import { bounded } from '../events/bounded.js';
import type { Context } from './context.js';

/** Events a subscriber may have waiting before it is cut off (a few MB of log lines at most). */
export const SUBSCRIBER_BUFFER = 10_000;

/** A bus subscription that cannot grow without bound: on overflow the client's socket is closed. */
export function boundedSubscription<T>(ctx: Context, source: AsyncIterable<T>): AsyncIterableIterator<T> {
  return bounded(source, SUBSCRIBER_BUFFER, (err) => ctx.disconnect?.(err.message));
}
