import { type Component, createResource, createSignal, For, Show } from 'solid-js';
import { ChannelCard } from '../components/ChannelCard';
import { ChannelForm } from '../components/ChannelForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { toApiError } from '../lib/errors';
import { createLiveDeliveries } from '../lib/live-deliveries';
import { type Channel, notifications } from '../lib/notifications';
import { atLeast, roleLabel } from '../lib/roles';
import { currentTeam } from '../lib/teams';

/**
 * /team/notifications: where the team's deploy and uptime events go (webhook, Slack, e-mail), each channel's
 * delivery history (live), and a test send. Members read; admins and owners change.
 */
export const NotificationsPage: Component = () => {
  const team = () => currentTeam();
  const locked = () => {
    const role = team()?.viewerRole;
    if (atLeast(role, 'ADMIN')) return null;
    const why = 'Only a team admin or owner manages notification channels';
    return role ? `${why}; you are a ${roleLabel(role)}.` : `${why}.`;
  };
  const [channels, { refetch }] = createResource(
    () => team()?.id,
    (id) => notifications.channels(id),
  );
  // Live: each delivery appears when it is made and its row changes with every attempt (no refresh).
  const deliveries = createLiveDeliveries(() => team()?.id);
  const changed = () => void refetch();
  const [deleting, setDeleting] = createSignal<Channel>();
  const [error, setError] = createSignal<string>();
  const remove = async () => {
    const c = deleting();
    setDeleting(undefined);
    if (!c) return;
    try {
      await notifications.remove(c.id);
      changed();
    } catch (err) {
      setError(toApiError(err).message);
    }
  };
  return (
    <section aria-labelledby="notifications-title">
      <div class="page-head">
        <h1 id="notifications-title" tabindex="-1">
          Notifications
        </h1>
      </div>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show
        when={!locked()}
        fallback={
          <p class="muted" id="channels-locked">
            {locked()}
          </p>
        }
      >
        <div class="card">
          <h2>New channel</h2>
          <ChannelForm save={(input) => notifications.create(team()!.id, input)} onDone={changed} />
        </div>
      </Show>
      <Show
        when={(channels.latest?.notificationChannels ?? []).length > 0}
        fallback={
          <p class="muted">No channels yet: nothing is sent when a deploy ends or a site goes down.</p>
        }
      >
        <ul class="channels">
          <For each={channels.latest?.notificationChannels}>
            {(c) => (
              <ChannelCard
                channel={c}
                deliveries={deliveries.of(c.id)}
                locked={locked()}
                onChanged={changed}
                onDelivery={deliveries.add}
                onDelete={() => setDeleting(c)}
              />
            )}
          </For>
        </ul>
      </Show>
      <ConfirmDialog
        open={!!deleting()}
        title="Delete this channel?"
        confirmLabel="Delete"
        onConfirm={() => void remove()}
        onClose={() => setDeleting(undefined)}
      >
        Its delivery history goes with it; nothing more is sent to {deleting()?.target}.
      </ConfirmDialog>
    </section>
  );
};
