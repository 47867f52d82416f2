import { type Component, createSignal, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { api, type SiteDetail } from '../lib/api';
import { toApiError } from '../lib/errors';
import { bytes } from '../lib/format';
import { atLeast } from '../lib/roles';
import { ConfirmDialog } from './ConfirmDialog';

type Toggle = 'branchDeploys' | 'deployPreviews' | 'buildCache';

/**
 * Branch deploys, deploy previews and the build cache (issue 15): switches that save at once (shown at once,
 * taken back if the server refuses), the cache's size and a confirmed "Clear build cache".
 */
export const DeployWorkflowSettings: Component<{ site: SiteDetail; apply: (site: SiteDetail) => void }> = (
  props,
) => {
  const [error, setError] = createSignal<string>();
  const [status, setStatus] = createSignal<string>();
  const [saving, setSaving] = createSignal<Toggle | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [clearing, setClearing] = createSignal(false);
  const canEdit = () => atLeast(props.site.team.viewerRole, 'DEVELOPER');

  const toggle = async (field: Toggle, on: boolean) => {
    const before = JSON.parse(JSON.stringify(unwrap(props.site))) as SiteDetail;
    props.apply({ ...before, [field]: on });
    setSaving(field);
    setError(undefined);
    setStatus(undefined);
    try {
      props.apply(await api.updateSite(props.site.id, { [field]: on }));
      setStatus(`${LABELS[field]} ${on ? 'on' : 'off'}.`);
    } catch (err) {
      props.apply(before);
      setError(toApiError(err).message);
    } finally {
      setSaving(null);
    }
  };

  const clear = async () => {
    setClearing(true);
    setError(undefined);
    try {
      const site = await api.clearBuildCache(props.site.id);
      props.apply(site);
      setConfirming(false);
      setStatus(`Build cache cleared: ${bytes(site.buildCacheBytes)} now. The next build starts cold.`);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setClearing(false);
    }
  };

  const Switch: Component<{ field: Toggle; hint: string }> = (s) => (
    <label class="check">
      <input
        id={`toggle-${s.field}`}
        type="checkbox"
        role="switch"
        aria-checked={props.site[s.field]}
        checked={props.site[s.field]}
        disabled={!canEdit() || saving() === s.field}
        onChange={(e) => toggle(s.field, e.currentTarget.checked)}
      />
      <span>
        {LABELS[s.field]} <span class="muted">— {s.hint}</span>
      </span>
    </label>
  );

  return (
    <div class="stack workflow-settings" data-testid="deploy-workflow">
      <h3>Builds and previews</h3>
      <Show when={props.site.sourceType === 'GIT'}>
        <Switch
          field="branchDeploys"
          hint={`a push to another branch deploys to <branch>--${props.site.slug}`}
        />
        <Switch
          field="deployPreviews"
          hint={`a pull request deploys to pr-<n>--${props.site.slug} (without secret variables)`}
        />
      </Show>
      <Show when={props.site.buildCommand}>
        <Switch field="buildCache" hint="keep npm, yarn and pnpm caches and node_modules between builds" />
        <div class="cache-row">
          <span>
            Build cache: <strong data-testid="build-cache-size">{bytes(props.site.buildCacheBytes)}</strong>
          </span>
          <Show when={canEdit()}>
            <button type="button" class="btn btn-small" onClick={() => setConfirming(true)}>
              Clear build cache…
            </button>
          </Show>
        </div>
      </Show>
      <span role="status" class="muted">
        {status()}
      </span>
      <span class="text-error" role="alert">
        {error()}
      </span>
      <ConfirmDialog
        open={confirming()}
        title="Clear the build cache?"
        confirmLabel={clearing() ? 'Clearing…' : 'Clear build cache'}
        busy={clearing()}
        onConfirm={clear}
        onClose={() => setConfirming(false)}
      >
        <p>
          The cached packages and node_modules ({bytes(props.site.buildCacheBytes)}) are deleted; the next
          build of {props.site.name} installs everything again.
        </p>
      </ConfirmDialog>
    </div>
  );
};

const LABELS: Record<Toggle, string> = {
  branchDeploys: 'Branch deploys',
  deployPreviews: 'Deploy previews',
  buildCache: 'Build cache',
};
