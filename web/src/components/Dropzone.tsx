import { type Component, createSignal, Show } from 'solid-js';
import { bytes } from '../lib/format';
import { describedBy } from './Field';

/**
 * A file input that also takes a dropped file. The input stays in the tab order (visually hidden), so
 * the keyboard opens the picker with Enter or Space; the zone shows focus around it.
 */
export const Dropzone: Component<{
  id: string;
  file: File | null;
  onFile: (file: File | null) => void;
  /** The input's accessible name (the visible prompt goes away once a file is chosen). */
  label: string;
  disabled?: boolean;
}> = (props) => {
  const [over, setOver] = createSignal(false);
  let input!: HTMLInputElement;
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !props.disabled) props.onFile(file);
  };
  const clear = () => {
    input.value = '';
    props.onFile(null);
    input.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is pointer-only; the file input inside is the keyboard path
    <div
      class="dropzone"
      classList={{ 'dropzone-over': over(), 'dropzone-filled': !!props.file }}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <input
        ref={input}
        id={props.id}
        class="visually-hidden"
        type="file"
        accept=".zip,application/zip,application/x-zip-compressed"
        disabled={props.disabled}
        aria-label={props.label}
        aria-describedby={describedBy(props.id)}
        onChange={(e) => take(e.currentTarget.files)}
      />
      <Show
        when={props.file}
        fallback={
          <label class="dropzone-prompt" for={props.id}>
            <strong>Drop a .zip here</strong> or <span class="link">choose a file</span>
          </label>
        }
      >
        {(file) => (
          <div class="dropzone-file">
            <span class="file-name">{file().name}</span>
            <span class="muted">{bytes(file().size)}</span>
            <button type="button" class="btn btn-small" onClick={clear} disabled={props.disabled}>
              Remove
            </button>
          </div>
        )}
      </Show>
    </div>
  );
};
