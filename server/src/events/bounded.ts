import { DomainError } from '../domain/errors.js';

/** Thrown to a subscriber whose buffer overflowed; the socket is closed with the same message. */
export class SlowSubscriberError extends DomainError {
  readonly code = 'UNAVAILABLE';

  constructor(readonly limit: number) {
    super(
      `Subscriber too slow: more than ${limit} events waiting; resubscribe with the last seq you received`,
    );
    this.name = 'SlowSubscriberError';
  }
}

/**
 * Reads `source` eagerly into a buffer of at most `limit` units (`weight` per item: one, or the lines of a
 * batch of log lines), so nothing queues without bound behind a consumer that does not read. On overflow
 * the source is released, `onOverflow` runs (the transport closes the socket) and the next read throws
 * SlowSubscriberError. `return()` ends a pending read at once, so an unsubscribe never waits for the next
 * event. Items `keep` refuses are dropped before they are buffered.
 */
export function bounded<T>(
  source: AsyncIterable<T>,
  limit: number,
  onOverflow: (err: SlowSubscriberError) => void,
  keep: (item: T) => boolean = () => true,
  weight: (item: T) => number = () => 1,
): AsyncIterableIterator<T> {
  const upstream = source[Symbol.asyncIterator]();
  const buffer: T[] = [];
  let buffered = 0;
  let failure: Error | null = null;
  let done = false;
  let waiting: ((r: IteratorResult<T>) => void) | null = null;
  let rejectWaiting: ((err: Error) => void) | null = null;

  const settle = () => {
    if (!waiting) return;
    const resolve = waiting;
    const reject = rejectWaiting!;
    waiting = rejectWaiting = null;
    if (buffer.length > 0) {
      const value = buffer.shift()!;
      buffered -= weight(value);
      resolve({ value, done: false });
    } else if (failure) reject(failure);
    else if (done) resolve({ value: undefined, done: true });
    else {
      waiting = resolve;
      rejectWaiting = reject;
    }
  };

  const close = async () => {
    if (done) return;
    done = true;
    await upstream.return?.();
  };

  void (async () => {
    try {
      while (!done) {
        const next = await upstream.next();
        if (next.done || done) break;
        if (!keep(next.value)) continue;
        buffer.push(next.value);
        buffered += weight(next.value);
        if (buffered > limit) {
          buffer.length = 0; // the subscriber is being cut off: drop what it did not read
          buffered = 0;
          failure = new SlowSubscriberError(limit);
          onOverflow(failure as SlowSubscriberError);
          break;
        }
        settle();
      }
    } catch (err) {
      failure = err as Error;
    } finally {
      await close();
      settle();
    }
  })();

  const iterator: AsyncIterableIterator<T> = {
    next: () =>
      new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = resolve;
        rejectWaiting = reject;
        settle();
      }),
    return: async () => {
      buffer.length = 0;
      buffered = 0;
      await close();
      settle();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
