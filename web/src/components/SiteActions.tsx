import { type Component, createSignal, Show } from 'solid-js';
import { api, type DeploySummary, type SiteDetail } from '../lib/api';
import { toApiError } from '../lib/errors';
import { atLeast } from '../lib/roles';
import { isActive } from '../lib/snapshots';
import type { Progress } from '../lib/upload';
import { UploadProgress } from './UploadProgress';

/**
 * Redeploy (a zip site: the last archive, or a new one with progress; a git site: its branch's newest commit)
 * and cancel the deploy under way.
 */
export const SiteActions: Component<{ site: SiteDetail; onDeploy: (deploy: DeploySummary) => void }> = (
  props,
) => {
  const [busy, setBusy] = createSignal(false);
  const [progress, setProgress] = createSignal<Progress | null>(null);
  const [error, setError] = createSignal<string>();
  let picker!: HTMLInputElement;
  let abort: AbortController | undefined;
  const running = () => props.site.deploys.find((d) => isActive(d.status));
  // A viewer reads the site; the server would refuse a deploy, so the buttons say so before it is tried.
  const locked = () =>
    atLeast(props.site.team.viewerRole, 'DEVELOPER') ? null : 'Only a team developer or above deploys';

  const run = async (action: () => Promise<DeploySummary | undefined>) => {
    setBusy(true);
    setError(undefined);
    try {
      const deploy = await action();
      if (deploy) props.onDeploy(deploy);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code !== 'ABORTED') setError(apiError.message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const redeploy = () => run(() => api.deploySite(props.site.id));
  const upload = (file: File) => {
    abort = new AbortController();
    setProgress({ loaded: 0, total: file.size, percent: 0 });
    return run(() => api.deploySite(props.site.id, file, setProgress, abort?.signal));
  };
  const cancel = (id: string) => run(async () => void (await api.cancelDeploy(id)));

  return (
    <div class="site-actions">
      <input
        ref={picker}
        type="file"
        accept=".zip,application/zip"
        class="visually-hidden"
        tabindex="-1"
        aria-label="New archive (.zip)"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void upload(file);
        }}
      />
      <div class="actions">
        <button
          type="button"
          class="btn btn-primary"
          onClick={redeploy}
          disabled={busy() || !!locked()}
          title={locked() ?? undefined}
        >
          Redeploy
        </button>
        <Show
          when={props.site.sourceType === 'ZIP'}
          fallback={
            <span class="muted">
              Clones <code>{props.site.branch}</code> again and builds it.
            </span>
          }
        >
          <button
            type="button"
            class="btn"
            onClick={() => picker.click()}
            disabled={busy() || !!locked()}
            title={locked() ?? undefined}
          >
            Deploy a new zip…
          </button>
        </Show>
        <Show when={running()}>
          {(d) => (
            <button
              type="button"
              class="btn"
              onClick={() => cancel(d().id)}
              disabled={busy() || !!locked()}
              title={locked() ?? undefined}
            >
              Cancel deploy #{d().number}
            </button>
          )}
        </Show>
      </div>
      <Show when={locked()}>
        {(reason) => (
          <p class="muted" id="deploy-locked">
            {reason()}.
          </p>
        )}
      </Show>
      <Show when={progress()}>
        {(p) => <UploadProgress progress={p()} onCancel={() => abort?.abort()} />}
      </Show>
      <p class="text-error" role="alert" hidden={!error()}>
        {error()}
      </p>
    </div>
  );
};
