import { type Component, createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { connection } from '../lib/client';
import { followLog } from '../lib/log-follow';
import { LogLineView } from './LogLineView';

/**
 * A deploy's log, following it live. It keeps to the bottom as lines arrive, until the user scrolls
 * up; "Jump to latest" (or scrolling back down) resumes.
 */
export const LogView: Component<{ deployId: string; number: number }> = (props) => {
  const log = followLog(props.deployId);
  const [stick, setStick] = createSignal(true);
  let box!: HTMLElement;
  const toBottom = () => {
    box.scrollTop = box.scrollHeight;
  };
  const onScroll = () => setStick(box.scrollHeight - box.scrollTop - box.clientHeight < 24);
  createEffect(
    on(
      () => log.lines.length,
      () => stick() && toBottom(),
    ),
  );
  const live = () => log.state() === 'following' || log.state() === 'loading';
  return (
    <div class="log-view">
      <div class="log-bar">
        <span role="status" class="muted">
          <Switch>
            <Match when={live() && connection() === 'reconnecting'}>Connection lost; reconnecting…</Match>
            <Match when={log.state() === 'loading'}>Loading log…</Match>
            <Match when={log.state() === 'following'}>
              <span class="live-dot" aria-hidden="true" /> Following live
            </Match>
            <Match when={log.state() === 'done'}>End of log · {log.lines.length} lines</Match>
            <Match when={log.state() === 'error'}>Could not load the log: {log.error()?.message}</Match>
          </Switch>
        </span>
        <Show when={!stick()}>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              toBottom();
              setStick(true);
            }}
          >
            Jump to latest
          </button>
        </Show>
      </div>
      <section
        ref={box}
        class="log"
        tabindex="0"
        aria-label={`Log of deploy #${props.number}`}
        onScroll={onScroll}
        data-testid="log"
      >
        <For each={log.lines}>{(line) => <LogLineView line={line} />}</For>
        <Show when={log.state() === 'done' && log.lines.length === 0}>
          <p class="muted">This deploy wrote no log.</p>
        </Show>
      </section>
    </div>
  );
};
