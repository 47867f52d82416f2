import { createSignal, onCleanup } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { api, type LogLine } from './api';
import { onDrop } from './client';
import type { ApiError } from './errors';
import { followLogSource, type LogState } from './log-cursor';

export type { LogState };

/**
 * The log of one deploy as a store: stored lines, then live ones until the deploy ends, resumed from
 * the last line after a reconnect (log-cursor.ts). Lines are appended once per frame, so a long replay
 * does not re-render per line.
 */
export function followLog(deployId: string) {
  const [lines, setLines] = createStore<LogLine[]>([]);
  const [state, setState] = createSignal<LogState>('loading');
  const [error, setError] = createSignal<ApiError | null>(null);
  let pending: LogLine[] = [];
  let frame = 0;

  const flush = () => {
    frame = 0;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    setLines(produce((list) => list.push(...batch)));
  };

  const stop = followLogSource<LogLine>(
    { subscribe: (after, handlers) => api.watchLog(deployId, after, handlers), onDrop },
    {
      line: (line) => {
        pending.push(line);
        frame ||= requestAnimationFrame(flush);
      },
      state: (next, err) => {
        if (next === 'done') {
          cancelAnimationFrame(frame);
          flush();
        }
        setError(err ?? null);
        setState(next);
      },
    },
  );
  onCleanup(() => {
    stop();
    cancelAnimationFrame(frame);
  });

  return { lines, state, error };
}
