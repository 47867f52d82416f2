import { type Component, createSignal, For, Show } from 'solid-js';
import { api, type SiteDetail, type WebhookDelivery } from '../lib/api';
import { toApiError } from '../lib/errors';
import { Link } from '../lib/router';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { Ago } from './Time';

const OUTCOME: Record<string, { label: string; tone: string }> = {
  QUEUED: { label: 'Queued', tone: 'ok' },
  IGNORED: { label: 'Ignored', tone: 'idle' },
  REJECTED: { label: 'Rejected', tone: 'bad' },
};

/** GitHub cannot reach a loopback or "localhost" address. */
function unreachableFromGitHub(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.endsWith('.localhost') || /^(127\.|\[::1\]$|0\.0\.0\.0$)/.test(host);
  } catch {
    return false;
  }
}

/**
 * A git site's push webhook: what to paste into GitHub, how, and what GitHub sent lately. Deliveries come
 * with the site's snapshots, which arrive when one of its deploys starts or ends; nothing polls.
 */
export const WebhookPanel: Component<{
  site: SiteDetail;
  apply: (site: SiteDetail) => void;
  refresh: () => Promise<unknown>;
}> = (props) => {
  const [confirming, setConfirming] = createSignal(false);
  const [rotating, setRotating] = createSignal(false);
  const [rotateError, setRotateError] = createSignal<string>();
  const [rotated, setRotated] = createSignal(false);
  const [refreshing, setRefreshing] = createSignal(false);
  const rotate = async () => {
    setRotating(true);
    setRotateError(undefined);
    try {
      props.apply(await api.rotateWebhookSecret(props.site.id));
      setConfirming(false);
      setRotated(true);
    } catch (err) {
      setRotateError(toApiError(err).message);
    } finally {
      setRotating(false);
    }
  };
  const refresh = async () => {
    setRefreshing(true);
    await props.refresh();
    setRefreshing(false);
  };
  return (
    <div class="webhook">
      <p class="muted">
        GitHub calls this URL on every push; a push to <code>{props.site.branch}</code> deploys that commit.
      </p>
      <Show when={!props.site.autoDeploy}>
        <div class="alert alert-warn" role="status">
          Auto-deploy is off: deliveries are recorded but do not deploy. Turn it on in the settings below.
        </div>
      </Show>
      <div class="webhook-grid">
        <div class="stack">
          <CopyField
            id="webhook-url"
            label="Payload URL"
            value={props.site.webhookUrl ?? ''}
            hint={
              unreachableFromGitHub(props.site.webhookUrl ?? '')
                ? 'GitHub cannot reach this address: set LAUNCHPAD_PUBLIC_URL to the URL Launchpad is reached at.'
                : undefined
            }
          />
          <CopyField id="webhook-secret" label="Secret" value={props.site.webhookSecret ?? ''} secret />
          <div class="actions">
            <button type="button" class="btn btn-small" onClick={() => setConfirming(true)}>
              Rotate secret…
            </button>
            <span role="status" class="muted">
              <Show when={rotated()}>New secret made: paste it into the webhook on GitHub.</Show>
            </span>
          </div>
        </div>
        <div>
          <h3 id="webhook-steps-title">Add it on GitHub</h3>
          <ol class="steps" aria-labelledby="webhook-steps-title">
            <li>
              In the repository, open <strong>Settings → Webhooks → Add webhook</strong>.
            </li>
            <li>
              <strong>Payload URL</strong>: paste the URL above.
            </li>
            <li>
              <strong>Content type</strong>: <code>application/json</code>.
            </li>
            <li>
              <strong>Secret</strong>: paste the secret above.
            </li>
            <li>
              <strong>Which events</strong>: “Just the <code>push</code> event”.
            </li>
            <li>
              Keep <strong>Active</strong> ticked, then press <strong>Add webhook</strong>. GitHub sends a
              ping, listed below.
            </li>
          </ol>
        </div>
      </div>
      <div class="deliveries-head">
        <h3 id="deliveries-title">Recent deliveries</h3>
        <button type="button" class="btn btn-small btn-ghost" onClick={refresh} disabled={refreshing()}>
          {refreshing() ? 'Refreshing…' : 'Refresh'}
          <span class="visually-hidden"> deliveries</span>
        </button>
      </div>
      <Show when={props.site.webhookDeliveries.length > 0} fallback={<p class="muted">No deliveries yet.</p>}>
        <ul class="deliveries" aria-labelledby="deliveries-title">
          <For each={props.site.webhookDeliveries}>
            {(d) => <DeliveryRow delivery={d} siteId={props.site.id} />}
          </For>
        </ul>
      </Show>
      <ConfirmDialog
        open={confirming()}
        title="Rotate the webhook secret?"
        confirmLabel={rotating() ? 'Rotating…' : 'Rotate secret'}
        busy={rotating()}
        onConfirm={rotate}
        onClose={() => setConfirming(false)}
      >
        <p>
          GitHub keeps signing deliveries with the current secret, and Launchpad refuses them from now on,
          until you paste the new secret into the webhook's settings on GitHub.
        </p>
        <p class="text-error" role="alert" hidden={!rotateError()}>
          {rotateError()}
        </p>
      </ConfirmDialog>
    </div>
  );
};

const DeliveryRow: Component<{ delivery: WebhookDelivery; siteId: string }> = (props) => {
  const outcome = () => OUTCOME[props.delivery.outcome] ?? { label: props.delivery.outcome, tone: 'idle' };
  return (
    <li class="delivery" data-outcome={props.delivery.outcome} data-event={props.delivery.event}>
      <code class="delivery-event">{props.delivery.event}</code>
      <span class={`badge badge-${outcome().tone}`}>
        <span class="badge-dot" aria-hidden="true" />
        {outcome().label}
      </span>
      <span class="delivery-reason">{props.delivery.reason}</span>
      <Show when={props.delivery.deploy}>
        {(deploy) => (
          <Link href={`/sites/${props.siteId}/deploys/${deploy().id}`} class="delivery-deploy">
            Deploy #{deploy().number}
          </Link>
        )}
      </Show>
      <span class="delivery-time muted">
        <Ago iso={props.delivery.receivedAt} />
      </span>
    </li>
  );
};
