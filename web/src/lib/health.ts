import { createSignal } from 'solid-js';

/** up: engine answers; down: Launchpad answers but Docker does not; offline: Launchpad does not answer. */
export type Health = 'unknown' | 'up' | 'down' | 'offline';

const [health, setHealth] = createSignal<Health>('unknown');

export { health };

let retry: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | null = null;

/**
 * Asks /healthz once. Checked on start, when the tab comes back, after a reconnect and after an
 * UNAVAILABLE error; only while the engine is away is it asked again on a slow timer, so the banner
 * goes once it is back.
 */
export function checkHealth(): Promise<void> {
  inFlight ??= (async () => {
    clearTimeout(retry);
    try {
      const res = await fetch('/healthz', { cache: 'no-store' });
      const body = (await res.json()) as { ok?: boolean; docker?: boolean };
      setHealth(body.docker ? 'up' : 'down');
    } catch {
      setHealth('offline');
    }
    if (health() !== 'up') retry = setTimeout(() => void checkHealth(), 15_000);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export function watchHealth(): () => void {
  const onVisible = () => {
    if (document.visibilityState === 'visible') void checkHealth();
  };
  document.addEventListener('visibilitychange', onVisible);
  void checkHealth();
  return () => {
    document.removeEventListener('visibilitychange', onVisible);
    clearTimeout(retry);
  };
}
