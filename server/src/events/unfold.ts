/**
 * Hands out the items of a stream of batches one by one, as a stream of items: the log pipeline moves lines
 * in batches (one event per committed batch), while `deployLog` yields one line per event. Reading an item
 * of a batch already here costs no wait; the next batch is read only once this one is handed out, so
 * backpressure reaches the source. `return()` drops the rest and ends the source at once.
 */
export function unfold<T>(source: AsyncIterator<readonly T[]>): AsyncIterableIterator<T> {
  let batch: readonly T[] = [];
  let at = 0;
  let done = false;
  const end = (): IteratorResult<T> => {
    done = true;
    batch = [];
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
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
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
