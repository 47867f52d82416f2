import { type Component, createEffect, createSignal, on, Show } from 'solid-js';
import { api, type SiteSummary } from '../lib/api';
import { toApiError } from '../lib/errors';
import { Link } from '../lib/router';
import { SiteLinks } from './SiteLinks';
import { StatusBadge } from './StatusBadge';
import { Ago } from './Time';

/** One site in the list: status, links, when it last deployed, and a quick redeploy. */
export const SiteCard: Component<{ site: SiteSummary }> = (props) => {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ text: string; error?: boolean }>();
  const last = () => props.site.deploys[0];
  // "Deploy #n queued" has done its job once the site's status moves.
  createEffect(
    on(
      () => props.site.status,
      () => setMessage(undefined),
      { defer: true },
    ),
  );
  const redeploy = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const deploy = await api.deploySite(props.site.id);
      setMessage({ text: `Deploy #${deploy.number} queued` });
    } catch (err) {
      setMessage({ text: toApiError(err).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card site-card" data-site={props.site.slug}>
      <div class="site-card-head">
        <h2>
          <Link href={`/sites/${props.site.id}`}>{props.site.name}</Link>
        </h2>
        <StatusBadge status={props.site.status} />
      </div>
      <SiteLinks url={props.site.url} localUrl={props.site.localUrl} />
      <div class="site-card-foot">
        <span class="muted">
          <Show when={last()} fallback="Not deployed yet">
            {(d) => (
              <>
                Deploy #{d().number} · <Ago iso={d().createdAt} />
              </>
            )}
          </Show>
        </span>
        <button
          type="button"
          class="btn btn-small"
          onClick={redeploy}
          disabled={busy()}
          aria-label={`Redeploy ${props.site.name}`}
        >
          {busy() ? 'Queuing…' : 'Redeploy'}
        </button>
      </div>
      <p class="card-note" classList={{ 'text-error': !!message()?.error }} role="status">
        {message()?.text}
      </p>
    </li>
  );
};
