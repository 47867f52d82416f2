import { type Accessor, createEffect, createResource, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { onReconnect } from './client';
import { type Delivery, notifications } from './notifications';
import { mergeDeliveries } from './snapshots';

/** Rows of history shown per channel: what the query asks for (`deliveries(first: 20)`). */
export const DELIVERIES_SHOWN = 20;

/**
 * The newest deliveries of each of a team's channels, kept current by notificationDeliveryUpdated: one query,
 * then events (a new delivery, each attempt's result). Events that arrive before the query answers are held
 * and merged in; after a reconnect, or when the team changes, the history is fetched again. Reconciled by id,
 * so a row updates in place.
 */
export function createLiveDeliveries(teamId: Accessor<string | undefined>) {
  const [state, setState] = createStore<{ byChannel: Record<string, Delivery[]> }>({ byChannel: {} });
  let early: Delivery[] = [];

  const merge = (channelId: string, incoming: Delivery[]) => {
    const current = unwrap(state.byChannel)[channelId] ?? [];
    const next = mergeDeliveries(current, incoming, DELIVERIES_SHOWN);
    setState('byChannel', channelId, reconcile(next, { key: 'id', merge: true }));
  };
  // A query's answer may be older than an event already applied (a refetch after a reconnect): merged, so
  // no row moves back; channels it does not name are gone.
  const fill = (team: string, byChannel: Map<string, Delivery[]>) => {
    if (teamId() !== team) return;
    const current = unwrap(state.byChannel);
    const next = Object.fromEntries(
      [...byChannel].map(([id, list]) => [id, mergeDeliveries(current[id] ?? [], list, DELIVERIES_SHOWN)]),
    );
    setState('byChannel', reconcile(next, { merge: true }));
    const held = early;
    early = [];
    for (const d of held) merge(d.channelId, [d]);
  };

  const [loaded] = createResource(teamId, async (team) => {
    fill(team, await notifications.deliveries(team));
    return true;
  });

  const apply = (delivery: Delivery) => {
    if (loaded.state !== 'ready') early.push(delivery);
    else merge(delivery.channelId, [delivery]);
  };
  createEffect(() => {
    const team = teamId();
    if (!team) return;
    early = [];
    onCleanup(notifications.watchDeliveries(team, { next: apply }));
  });
  onCleanup(
    onReconnect(() => {
      const team = teamId();
      if (team)
        notifications.deliveries(team).then(
          (byChannel) => fill(team, byChannel),
          () => {},
        );
    }),
  );

  return {
    loaded,
    /** The channel's newest deliveries, newest first. */
    of: (channelId: string): Delivery[] => state.byChannel[channelId] ?? [],
    /** A delivery learnt from a mutation's answer (a test send), merged like an event. */
    add: (delivery: Delivery) => apply(delivery),
  };
}
