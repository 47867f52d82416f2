import { type Component, createSignal, Show } from 'solid-js';
import { api, type SiteDetail } from '../lib/api';
import { toApiError } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { Ago } from './Time';

/**
 * A git site's deploy key: the public half to add on GitHub (the private half never leaves the server),
 * its fingerprint to compare with what GitHub lists, and a way to replace the pair.
 */
export const DeployKeyPanel: Component<{ site: SiteDetail; refresh: () => Promise<unknown> }> = (props) => {
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const generate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.generateDeployKey(props.site.id);
      await props.refresh();
      setConfirming(false);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="deploy-key">
      <Show
        when={props.site.deployKey}
        fallback={
          <p class="muted">
            No deploy key yet. Generate one to clone this repository over ssh.{' '}
            <button type="button" class="btn btn-small" onClick={() => setConfirming(true)}>
              Generate deploy key
            </button>
          </p>
        }
      >
        {(key) => (
          <div class="webhook-grid">
            <div class="stack">
              <CopyField id="deploy-key-public" label="Public key" value={key().publicKey} />
              <p>
                Fingerprint <code data-testid="deploy-key-fingerprint">{key().fingerprint}</code>{' '}
                <span class="muted">
                  — made <Ago iso={key().createdAt} />
                </span>
              </p>
              <Show when={props.site.gitAuth !== 'SSH_KEY'}>
                <p class="muted">
                  This site does not clone with it: choose “Deploy key” as git access in the settings.
                </p>
              </Show>
              <div class="actions">
                <button type="button" class="btn btn-small" onClick={() => setConfirming(true)}>
                  Replace key…
                </button>
              </div>
            </div>
            <div>
              <h3 id="deploy-key-steps-title">Add it on GitHub</h3>
              <ol class="steps" aria-labelledby="deploy-key-steps-title">
                <li>
                  In the repository, open <strong>Settings → Deploy keys → Add deploy key</strong>.
                </li>
                <li>
                  <strong>Title</strong>: e.g. <code>Launchpad {props.site.slug}</code>.
                </li>
                <li>
                  <strong>Key</strong>: paste the public key above. Leave <strong>Allow write access</strong>{' '}
                  unticked.
                </li>
                <li>
                  Press <strong>Add key</strong>, then <strong>Deploy</strong> here. GitHub lists the key with
                  the fingerprint above.
                </li>
              </ol>
            </div>
          </div>
        )}
      </Show>
      <ConfirmDialog
        open={confirming()}
        title={props.site.deployKey ? 'Replace the deploy key?' : 'Generate a deploy key?'}
        confirmLabel={busy() ? 'Generating…' : 'Generate key'}
        busy={busy()}
        onConfirm={generate}
        onClose={() => setConfirming(false)}
      >
        <p>
          Launchpad makes a new key pair. Deploys fail until its public key is added to the repository; remove
          the old key from GitHub.
        </p>
        <p class="text-error" role="alert" hidden={!error()}>
          {error()}
        </p>
      </ConfirmDialog>
    </div>
  );
};
