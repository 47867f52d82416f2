/**
 * A small latency histogram per bucket: counts of requests at or under each bound (milliseconds), the last
 * slot for everything slower. Enough for a chart's p50 and p95 without keeping every request time.
 */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

export const emptyLatency = (): number[] => new Array(LATENCY_BOUNDS_MS.length + 1).fill(0);

export function latencySlot(ms: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i < 0 ? LATENCY_BOUNDS_MS.length : i;
}

/** Adds `b` into `a` (slot by slot); a stored array of another length is read as far as it goes. */
export function addLatency(a: number[], b: readonly number[]): number[] {
  for (let i = 0; i < a.length && i < b.length; i++) a[i]! += b[i]!;
  return a;
}

/**
 * The `q` quantile (0 < q < 1), interpolated linearly inside the slot it falls in (the first slot starts
 * at 0 ms; the open last slot answers its lower bound). Null without requests.
 */
export function latencyQuantile(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i];
      if (upper === undefined) return lower;
      return lower + ((upper - lower) * (rank - seen)) / n;
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}
