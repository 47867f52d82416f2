import { type Component, createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { copyText } from '../lib/clipboard';
import { describedBy, Field } from './Field';

/**
 * A read-only value to paste elsewhere, with Copy (and, for a secret, Show/Hide: masked until asked).
 * When the browser refuses to copy, the value is shown and selected so Ctrl+C finishes the job.
 */
export const CopyField: Component<{
  id: string;
  label: string;
  value: string;
  secret?: boolean;
  hint?: string;
}> = (props) => {
  const [shown, setShown] = createSignal(false);
  const [note, setNote] = createSignal<{ text: string; error?: boolean }>();
  let input!: HTMLInputElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // A secret that changes under the user's eyes (rotated) is shown, so they see it is a new one.
  createEffect(
    on(
      () => props.value,
      () => setShown(true),
      { defer: true },
    ),
  );
  const visible = () => !props.secret || shown();
  const copy = async () => {
    clearTimeout(timer);
    if (await copyText(props.value)) {
      setNote({ text: 'Copied' });
      timer = setTimeout(() => setNote(undefined), 2500);
    } else {
      setShown(true);
      queueMicrotask(() => {
        input.focus();
        input.select();
      });
      setNote({ text: 'Copying is blocked here: press Ctrl+C (⌘C) to copy the selected text', error: true });
    }
  };
  return (
    <Field id={props.id} label={props.label} hint={props.hint}>
      <div class="copy-row">
        <input
          ref={input}
          id={props.id}
          class="copy-value"
          type={visible() ? 'text' : 'password'}
          value={props.value}
          readOnly
          spellcheck={false}
          autocomplete="off"
          aria-describedby={describedBy(props.id)}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Show when={props.secret}>
          <button
            type="button"
            class="btn btn-small"
            aria-pressed={visible()}
            aria-controls={props.id}
            onClick={() => setShown(!visible())}
          >
            {visible() ? 'Hide' : 'Show'}
            <span class="visually-hidden"> {props.label.toLowerCase()}</span>
          </button>
        </Show>
        <button type="button" class="btn btn-small" onClick={copy}>
          Copy<span class="visually-hidden"> {props.label.toLowerCase()}</span>
        </button>
      </div>
      <span class="copy-note" classList={{ 'text-error': !!note()?.error }} role="status">
        {note()?.text}
      </span>
    </Field>
  );
};
