import { type Component, createSignal, For, Show } from 'solid-js';

export interface EnvRow {
  name: string;
  value: string;
  /** Stored encrypted: its value is never shown; an empty value keeps the stored one. */
  secret?: boolean;
  /** A secret the server already holds (its value is not in the dashboard): "Replace" instead of "Show". */
  stored?: boolean;
}

/**
 * Rows of name and value. Values are masked until shown, one row at a time; a secret is never shown (the
 * server does not send it): it can only be replaced. A stored secret stays secret. The rows are a store the
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
        const [replacing, setReplacing] = createSignal(false);
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
            <Show
              when={!(row.secret && row.stored && !replacing())}
              fallback={
                <>
                  <span class="muted env-stored">Secret stored (not shown)</span>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={props.disabled}
                    onClick={() => setReplacing(true)}
                  >
                    Replace<span class="visually-hidden"> value of {label()}</span>
                  </button>
                </>
              }
            >
              <input
                value={row.value}
                type={shown() && !row.secret ? 'text' : 'password'}
                autocomplete="off"
                placeholder={row.secret && row.stored ? 'new secret value' : 'value'}
                aria-label={`Value of ${label()}`}
                disabled={props.disabled}
                onInput={(e) => props.onEdit(i(), { value: e.currentTarget.value })}
              />
              <Show when={!row.secret}>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-pressed={shown()}
                  onClick={() => setShown(!shown())}
                >
                  {shown() ? 'Hide' : 'Show'}
                  <span class="visually-hidden"> value of {label()}</span>
                </button>
              </Show>
            </Show>
            <label class="check env-secret">
              <input
                type="checkbox"
                checked={row.secret === true}
                disabled={props.disabled || (row.stored && row.secret)}
                onChange={(e) => props.onEdit(i(), { secret: e.currentTarget.checked })}
              />
              <span>
                Secret<span class="visually-hidden"> {label()}</span>
              </span>
            </label>
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
