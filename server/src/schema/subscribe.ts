import { bounded } from '../events/bounded.js';
import type { Context } from './context.js';

/** Events (log lines, not their batches) a subscriber may have waiting before it is cut off (a few MB at most). */
export const SUBSCRIBER_BUFFER = 10_000;

/**
 * A bus subscription that cannot grow without bound: on overflow the client's socket is closed. `keep`
 * drops events this subscriber may not see (checked per event, as a site's visibility can change);
 * `weight` counts an event as that many (a batch of log lines as its lines).
 */
export function boundedSubscription<T>(
  ctx: Context,
  source: AsyncIterable<T>,
  keep?: (event: T) => boolean,
  weight?: (event: T) => number,
): AsyncIterableIterator<T> {
  return bounded(source, SUBSCRIBER_BUFFER, (err) => ctx.disconnect?.(err.message), keep, weight);
}

/** `stream` once `check` passes; when it fails, the stream is released and the subscription gets the error. */
export async function authorizedStream<T>(
  stream: AsyncIterableIterator<T>,
  check: Promise<unknown>,
): Promise<AsyncIterableIterator<T>> {
  try {
    await check;
    return stream;
  } catch (err) {
    await stream.return?.();
    throw err;
  }
}
