import { type Component, createSignal, For, onCleanup, Show } from 'solid-js';
import { api, type LogLine } from '../lib/api';
import type { ApiError } from '../lib/errors';
import { LogLineView } from './LogLineView';

/** Lines kept on the page: the server sends the last 200, then everything the app writes. */
const KEEP = 1000;

/** A SERVER site's running app: its stdout and stderr, last lines first, then live (siteRuntimeLog). */
export const RuntimeLog: Component<{ siteId: string; deployId: string }> = (props) => {
  const [lines, setLines] = createSignal<LogLine[]>([]);
  const [error, setError] = createSignal<ApiError | null>(null);
  const stop = api.watchRuntimeLog(props.siteId, 200, {
    next: (line) => setLines((all) => [...all.slice(-(KEEP - 1)), line]),
    error: setError,
  });
  onCleanup(stop);
  return (
    <div class="log" role="log" aria-live="off" data-testid="runtime-log">
      <Show when={error()}>{(e) => <p class="alert alert-error">{e().message}</p>}</Show>
      <Show when={lines().length > 0} fallback={<p class="muted">No output from the app yet.</p>}>
        <For each={lines()}>{(line) => <LogLineView line={line} />}</For>
      </Show>
    </div>
  );
};
