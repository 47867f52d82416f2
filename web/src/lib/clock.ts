import { createRoot, createSignal, getOwner, onCleanup } from 'solid-js';

// One shared clock for relative times and running durations; it ticks only while something reads it.
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const [now, setNow] = createRoot(() => createSignal(Date.now()));

/** Milliseconds since the epoch, updated every second while a component uses it. */
export function useNow(): () => number {
  if (getOwner()) {
    users += 1;
    if (users === 1) {
      setNow(Date.now());
      timer = setInterval(() => setNow(Date.now()), 1000);
    }
    onCleanup(() => {
      users -= 1;
      if (users === 0) clearInterval(timer);
    });
  }
  return now;
}
