import { type Component, createSignal, For } from 'solid-js';

export interface EnvRow {
  name: string;
  value: string;
  /** Stored encrypted: its value is never shown; an empty value keeps the stored one. */
  secret?: boolean;
}

/**
 * Rows of name and value. Values are masked until shown, one row at a time. The rows are a store the
 * form owns, edited through the callbacks, so typing never re-creates a row (focus stays).
 */
export const EnvVarsEditor: Component<{
  rows: EnvRow[];
  onEdit: (index: number, patch: Partial<EnvRow>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  describedBy?: string;
  disabled?: boolean;
}> = (props) => (
  <div class="env-editor">
    <For each={props.rows} fallback={<p class="muted">No variables.</p>}>
      {(row, i) => {
        const [shown, setShown] = createSignal(false);
        const label = () => row.name || `variable ${i() + 1}`;
        return (
          <div class="env-row">
            <input
              value={row.name}
              placeholder="NAME"
              spellcheck={false}
              autocapitalize="characters"
              aria-label={`Name of variable ${i() + 1}`}
              aria-describedby={props.describedBy}
              disabled={props.disabled}
              onInput={(e) => props.onEdit(i(), { name: e.currentTarget.value })}
            />
            <input
              value={row.value}
              type={shown() ? 'text' : 'password'}
              autocomplete="off"
              placeholder="value"
              aria-label={`Value of ${label()}`}
              disabled={props.disabled}
              onInput={(e) => props.onEdit(i(), { value: e.currentTarget.value })}
            />
            <button
              type="button"
              class="btn btn-small"
              aria-pressed={shown()}
              onClick={() => setShown(!shown())}
            >
              {shown() ? 'Hide' : 'Show'}
              <span class="visually-hidden"> value of {label()}</span>
            </button>
            <button
              type="button"
              class="btn btn-small btn-ghost"
              onClick={() => props.onRemove(i())}
              disabled={props.disabled}
            >
              Remove<span class="visually-hidden"> {label()}</span>
            </button>
          </div>
        );
      }}
    </For>
    <button type="button" class="btn btn-small" onClick={() => props.onAdd()} disabled={props.disabled}>
      Add variable
    </button>
  </div>
);
