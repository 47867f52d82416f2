import { type Component, createSignal } from 'solid-js';
import { api, type SiteDetail } from '../lib/api';
import { toApiError } from '../lib/errors';
import { navigate } from '../lib/router';
import { ConfirmDialog } from './ConfirmDialog';

/** Deleting a site, behind a confirmation that names what goes with it. */
export const DeleteSite: Component<{ site: SiteDetail }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.deleteSite(props.site.id);
      setOpen(false);
      navigate('/', { replace: true });
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="danger-zone">
      <div>
        <h3>Delete this site</h3>
        <p class="muted">Stops it and removes its container, files, deploys and logs.</p>
      </div>
      <button type="button" class="btn btn-danger" onClick={() => setOpen(true)}>
        Delete site…
      </button>
      <ConfirmDialog
        open={open()}
        title={`Delete ${props.site.name}?`}
        confirmLabel={busy() ? 'Deleting…' : 'Delete site'}
        busy={busy()}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>
          <strong>{props.site.url}</strong> stops answering, and every deploy and log of this site is removed.
          This cannot be undone.
        </p>
        <p class="text-error" role="alert" hidden={!error()}>
          {error()}
        </p>
      </ConfirmDialog>
    </div>
  );
};
