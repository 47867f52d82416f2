import { type Component, createSignal, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { api, type SiteDetail, type UpdateSiteInput } from '../lib/api';
import { toApiError } from '../lib/errors';
import { SettingsForm } from './SettingsForm';
import { SettingsView } from './SettingsView';

/**
 * The site's configuration: read-only until "Edit". Saving shows the change at once and takes it back
 * if the server refuses it.
 */
export const SiteSettings: Component<{
  site: SiteDetail;
  apply: (site: SiteDetail) => void;
  onRedeploy: () => Promise<unknown>;
}> = (props) => {
  const [editing, setEditing] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [redeployError, setRedeployError] = createSignal<string>();
  let editButton!: HTMLButtonElement;

  const save = async (input: UpdateSiteInput) => {
    const before = JSON.parse(JSON.stringify(unwrap(props.site))) as SiteDetail;
    props.apply(withPatch(before, input));
    try {
      props.apply(await api.updateSite(props.site.id, input));
    } catch (err) {
      props.apply(before);
      throw err;
    }
    setEditing(false);
    setSaved(true);
    queueMicrotask(() => editButton?.focus());
  };

  return (
    <Show
      when={!editing()}
      fallback={<SettingsForm site={props.site} onSave={save} onCancel={() => setEditing(false)} />}
    >
      <SettingsView site={props.site} />
      <div class="actions">
        <button
          type="button"
          class="btn"
          ref={editButton}
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          Edit settings
        </button>
        <Show when={saved()}>
          <span role="status" class="muted">
            Saved. Changes apply on the next deploy.
          </span>
          <button
            type="button"
            class="btn btn-small"
            onClick={() =>
              props.onRedeploy().then(
                () => setSaved(false),
                (e) => setRedeployError(toApiError(e).message),
              )
            }
          >
            Redeploy now
          </button>
        </Show>
        <span class="text-error" role="alert">
          {redeployError()}
        </span>
      </div>
    </Show>
  );
};

/** The site as it will be once the server takes `input` (fields left out stay). */
function withPatch(site: SiteDetail, input: UpdateSiteInput): SiteDetail {
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  return { ...site, ...set };
}
