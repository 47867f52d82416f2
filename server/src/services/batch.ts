import type DataLoader from 'dataloader';

/**
 * How every read loader batches (services/reads.ts, accounts/views.ts): batch, don't memoise — an operation
 * (a subscription's) lives for many events, and each must see the rows as they are then — and collect a
 * batch until the event loop's turn ends rather than to the end of the current microtask queue: how many
 * promise steps an executor takes between two fields of one list is its own business (graphql-js and
 * graphql-jit differ), and a batch cut in the middle of a list would be one more query, at random.
 */
export function batchOnly<V>(): DataLoader.Options<string, V> {
  return { cache: false, batchScheduleFn: (dispatch) => setImmediate(dispatch) };
}

/** Without memoisation a batch may name one key several times. */
export function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** A batch's answers in the order of its keys (null where no row has that id). */
export function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}
