import { type Component, Show } from 'solid-js';
import type { Progress } from '../lib/upload';

/** The upload's progress as a bar and a percentage, with a way to stop it. */
export const UploadProgress: Component<{ progress: Progress | null; onCancel?: () => void }> = (props) => {
  const percent = () => props.progress?.percent ?? 0;
  const done = () => percent() >= 100;
  return (
    <div class="upload-progress">
      <div class="upload-progress-row">
        <progress id="upload-progress" max="100" value={percent()} aria-label="Upload progress">
          {percent()}%
        </progress>
        <output for="upload-progress" class="percent">
          {percent()}%
        </output>
      </div>
      <p class="hint" aria-live="polite">
        {done() ? 'Uploaded; Launchpad is checking the archive…' : 'Uploading…'}
      </p>
      <Show when={props.onCancel && !done()}>
        <button type="button" class="btn btn-small" onClick={() => props.onCancel?.()}>
          Cancel upload
        </button>
      </Show>
    </div>
  );
};
