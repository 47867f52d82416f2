import { type Component, For } from 'solid-js';
import { parseAnsi } from '../lib/ansi';
import type { LogLine } from '../lib/api';

const TAG = { STDOUT: '', STDERR: 'err', SYSTEM: 'sys' } as const;

/** One log line: its stream marked by a tag (not by colour alone), its ANSI colours kept. */
export const LogLineView: Component<{ line: LogLine }> = (props) => (
  <div
    class={`log-line log-${props.line.stream.toLowerCase()}`}
    data-seq={props.line.seq}
    title={props.line.at}
  >
    <span class="log-tag">{TAG[props.line.stream]}</span>
    <span class="log-text">
      <For each={parseAnsi(props.line.text)}>
        {(s) => <span class={s.classes || undefined}>{s.text}</span>}
      </For>
    </span>
  </div>
);
