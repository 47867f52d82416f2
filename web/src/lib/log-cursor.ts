import type { ApiError } from './errors';

export interface LogLineLike {
  seq: number;
}

export type LogState = 'loading' | 'following' | 'done' | 'error';

export interface LogSource<L> {
  /** Lines with seq > after, then live ones; returns the unsubscribe function. */
  subscribe(
    after: number,
    handlers: { next: (line: L) => void; complete: () => void; error: (e: ApiError) => void },
  ): () => void;
  /** Calls back when the connection drops; returns the unlisten function. */
  onDrop(fn: () => void): () => void;
}

/**
 * Follows one deploy's log across reconnects: after a drop it subscribes again from the last line it
 * has (`after = last seq`), and drops any line at or below that, so a line is shown once and none is
 * skipped. Plain TypeScript, so the reconnect rules are tested without a browser.
 */
export function followLogSource<L extends LogLineLike>(
  source: LogSource<L>,
  emit: { line: (line: L) => void; state: (state: LogState, error?: ApiError) => void },
): () => void {
  let last = 0;
  let state: LogState = 'loading';
  let stop: (() => void) | undefined;
  const set = (next: LogState, error?: ApiError) => {
    state = next;
    emit.state(next, error);
  };
  const subscribe = () => {
    stop?.();
    stop = source.subscribe(last, {
      next: (line) => {
        if (line.seq <= last) return;
        last = line.seq;
        if (state === 'loading') set('following');
        emit.line(line);
      },
      complete: () => set('done'),
      error: (e) => set('error', e),
    });
  };
  const unlisten = source.onDrop(() => {
    if (state === 'loading' || state === 'following') subscribe();
  });
  subscribe();
  return () => {
    unlisten();
    stop?.();
  };
}
