/**
 * Hands out the items of a stream of batches one by one, as a stream of items: the log pipeline moves lines
 * in batches (one event per committed batch), while `deployLog` yields one line per event. Reading an item
 * of a batch already here costs no wait; the next batch is read only once this one is handed out, so
 * backpressure reaches the source. `return()` drops the rest and ends the source at once.
 */
export interface Unfolded<T> extends AsyncIterableIterator<T> {
  /**
   * The items not yet handed out, as batches (the rest of the current one first), for a consumer that takes
   * a whole batch at a time (http/log-stream.ts); read either this or the items, not both.
   */
  batches(): AsyncIterator<readonly T[]>;
}

export function unfold<T>(source: AsyncIterator<readonly T[]>): Unfolded<T> {
  let batch: readonly T[] = [];
  let at = 0;
  let done = false;
  const end = (): IteratorResult<T> => {
    done = true;
    batch = [];
    return { value: undefined, done: true };
  };
  const iterator: Unfolded<T> = {
    async next() {
      while (at >= batch.length) {
        if (done) return end();
        const next = await source.next();
        if (next.done || done) return end();
        batch = next.value;
        at = 0;
      }
      return { value: batch[at++]!, done: false };
    },
    async return() {
      const result = end();
      await source.return?.();
      return result;
    },
    batches() {
      const rest = batch.slice(at);
      batch = [];
      at = 0;
      if (rest.length === 0) return source;
      let restGiven = false;
      return {
        next: async () => {
          if (restGiven) return source.next();
          restGiven = true;
          return { value: rest, done: false };
        },
        return: async () => (await source.return?.()) ?? { value: undefined, done: true },
      };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function isUnfolded<T>(stream: AsyncIterator<T>): stream is Unfolded<T> {
  return typeof (stream as Partial<Unfolded<T>>).batches === 'function';
}
