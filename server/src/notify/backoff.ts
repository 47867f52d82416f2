/**
 * When a failed delivery is tried again: `baseMs` after the first attempt, then three times longer each
 * time (10 s, 30 s, 90 s, 4.5 min … with the default base), capped at an hour. `null` once `maxAttempts`
 * attempts have been made: the delivery has FAILED.
 */
export function retryDelay(attemptsMade: number, baseMs: number, maxAttempts: number): number | null {
  if (attemptsMade >= maxAttempts) return null;
  return Math.min(baseMs * 3 ** (attemptsMade - 1), 60 * 60 * 1000);
}
