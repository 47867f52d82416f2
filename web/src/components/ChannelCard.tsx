import { type Component, createSignal, For, Show } from 'solid-js';
import { DELIVERY_BADGE, deliveryState } from '../lib/delivery-state';
import { toApiError } from '../lib/errors';
import { type Channel, type Delivery, EVENTS, KINDS, notifications } from '../lib/notifications';
import { ChannelForm } from './ChannelForm';
import { CopyField } from './CopyField';
import { Ago } from './Time';

/**
 * One channel: what it sends where, its actions (disabled with the reason when the viewer's role may not
 * take them), its signing secret for ADMIN, and its delivery history.
 */
export const ChannelCard: Component<{
  channel: Channel;
  deliveries: Delivery[];
  /** Why the viewer may not change channels; null when it may. */
  locked: string | null;
  onChanged: () => void;
  /** The delivery a test send made (its row also arrives by subscription; whichever is further wins). */
  onDelivery: (delivery: Delivery) => void;
  onDelete: () => void;
}> = (props) => {
  const [editing, setEditing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const kindLabel = () => KINDS.find((k) => k.value === props.channel.kind)?.label ?? props.channel.kind;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      props.onChanged();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const c = () => props.channel;
  return (
    <li class="card channel" data-testid="channel">
      <div class="channel-head">
        <h3>
          {kindLabel()} <code class="channel-target">{c().target}</code>
        </h3>
        <span class={`badge ${c().enabled ? 'badge-ok' : 'badge-idle'}`}>
          <span class="badge-dot" aria-hidden="true" />
          {c().enabled ? 'Enabled' : 'Disabled'}
        </span>
      </div>
      <p class="muted">
        {c()
          .events.map((e) => EVENTS.find((x) => x.value === e)?.label ?? e)
          .join(' · ')}
      </p>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show
        when={editing()}
        fallback={
          <div class="channel-actions">
            <button
              type="button"
              class="btn btn-small"
              disabled={!!props.locked || busy()}
              title={props.locked ?? undefined}
              onClick={() => void act(async () => props.onDelivery(await notifications.test(c().id)))}
            >
              Send test
            </button>
            <button
              type="button"
              class="btn btn-small"
              disabled={!!props.locked || busy()}
              title={props.locked ?? undefined}
              onClick={() =>
                void act(() =>
                  notifications.update(c().id, {
                    kind: c().kind,
                    target: c().target,
                    events: c().events,
                    enabled: !c().enabled,
                  }),
                )
              }
            >
              {c().enabled ? 'Disable' : 'Enable'}
            </button>
            <button
              type="button"
              class="btn btn-small"
              disabled={!!props.locked}
              title={props.locked ?? undefined}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            <button
              type="button"
              class="btn btn-small btn-danger"
              disabled={!!props.locked}
              title={props.locked ?? undefined}
              onClick={() => props.onDelete()}
            >
              Delete
            </button>
          </div>
        }
      >
        <ChannelForm
          channel={c()}
          save={(input) => notifications.update(c().id, { ...input, enabled: c().enabled })}
          onDone={() => {
            setEditing(false);
            props.onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      </Show>
      <Show when={c().secret}>
        {(secret) => (
          <CopyField
            id={`secret-${c().id}`}
            label="Signing secret"
            value={secret()}
            secret
            hint="Verify X-Launchpad-Signature-256: sha256= and the HMAC-SHA256 of the raw body under this secret."
          />
        )}
      </Show>
      <details class="deliveries" open={props.deliveries.length > 0}>
        <summary>Deliveries ({props.deliveries.length})</summary>
        <Show when={props.deliveries.length > 0} fallback={<p class="muted">Nothing sent yet.</p>}>
          <table class="members">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Result</th>
                <th scope="col">Attempts</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.deliveries}>
                {(d) => (
                  <tr data-testid="delivery" data-delivery-id={d.id}>
                    <td>{d.test ? 'Test' : (EVENTS.find((e) => e.value === d.event)?.label ?? d.event)}</td>
                    <td>
                      <Ago iso={d.at} />
                    </td>
                    <td>
                      <span class={`badge ${DELIVERY_BADGE[deliveryState(d)].tone}`}>
                        <span class="badge-dot" aria-hidden="true" />
                        {DELIVERY_BADGE[deliveryState(d)].label}
                        {d.responseStatus ? ` · ${d.responseStatus}` : ''}
                      </span>
                    </td>
                    <td data-testid="delivery-attempts">{d.attempts}</td>
                    <td class="delivery-reason">{d.error ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </details>
    </li>
  );
};
