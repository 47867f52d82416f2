import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { graphql } from '../gql';
import type {
  NotificationChannelFieldsFragment,
  NotificationDeliveryFieldsFragment,
  NotificationEvent,
  NotificationKind,
} from '../gql/graphql';
import { type WatchHandlers, watch } from './api';
import { client } from './client';
import { fromCombinedError } from './errors';

// Notification channels and site incidents (api.md "Observability and notifications").

export type Channel = NotificationChannelFieldsFragment;
export type Delivery = NotificationDeliveryFieldsFragment;
export type { NotificationEvent, NotificationKind };

graphql(`
  fragment NotificationDeliveryFields on NotificationDelivery {
    id channelId event at attempts responseStatus ok error test nextAttemptAt
  }
`);
graphql(`
  fragment NotificationChannelFields on NotificationChannel {
    id kind target events enabled secret
  }
`);

const Channels = graphql(`
  query NotificationChannels($id: ID!) {
    team(id: $id) { id viewerRole notificationChannels { ...NotificationChannelFields } }
  }
`);
const Deliveries = graphql(`
  query NotificationDeliveries($id: ID!) {
    team(id: $id) { id notificationChannels { id deliveries(first: 20) { ...NotificationDeliveryFields } } }
  }
`);
const DeliveryUpdated = graphql(`
  subscription NotificationDeliveryUpdated($teamId: ID!) {
    notificationDeliveryUpdated(teamId: $teamId) { ...NotificationDeliveryFields }
  }
`);
const Create = graphql(`
  mutation CreateNotificationChannel($teamId: ID!, $input: NotificationChannelInput!) {
    createNotificationChannel(teamId: $teamId, input: $input) { ...NotificationChannelFields }
  }
`);
const Update = graphql(`
  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelInput!) {
    updateNotificationChannel(id: $id, input: $input) { ...NotificationChannelFields }
  }
`);
const Delete = graphql(`mutation DeleteNotificationChannel($id: ID!) { deleteNotificationChannel(id: $id) }`);
const Test = graphql(`
  mutation TestNotificationChannel($id: ID!) { testNotificationChannel(id: $id) { ...NotificationDeliveryFields } }
`);
const SiteHealth = graphql(`
  query SiteHealth($id: ID!) {
    site(id: $id) { id uptime(days: 30) week: uptime(days: 7) incidents(first: 10) { id kind at reason } }
  }
`);

async function run<D, V extends AnyVariables>(
  kind: 'query' | 'mutation',
  doc: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  const result = await client[kind](doc, variables, { requestPolicy: 'network-only' }).toPromise();
  if (result.error) throw fromCombinedError(result.error);
  return result.data!;
}

export interface ChannelInput {
  kind: NotificationKind;
  target: string;
  events: NotificationEvent[];
  enabled?: boolean;
}

export const notifications = {
  channels: async (teamId: string) => (await run('query', Channels, { id: teamId })).team,
  /** Each channel's newest deliveries, by channel id. */
  deliveries: async (teamId: string) =>
    new Map(
      ((await run('query', Deliveries, { id: teamId })).team?.notificationChannels ?? []).map((c) => [
        c.id,
        c.deliveries,
      ]),
    ),
  create: async (teamId: string, input: ChannelInput) =>
    (await run('mutation', Create, { teamId, input })).createNotificationChannel,
  update: async (id: string, input: ChannelInput) =>
    (await run('mutation', Update, { id, input })).updateNotificationChannel,
  remove: (id: string) => run('mutation', Delete, { id }),
  test: async (id: string) => (await run('mutation', Test, { id })).testNotificationChannel,
  /** Each delivery to the team's channels as it is made and after each attempt; returns the unsubscribe. */
  watchDeliveries: (teamId: string, h: WatchHandlers<Delivery>) =>
    watch(DeliveryUpdated, { teamId }, (d) => d.notificationDeliveryUpdated, h),
  siteHealth: async (siteId: string) => (await run('query', SiteHealth, { id: siteId })).site,
};

export const EVENTS: { value: NotificationEvent; label: string }[] = [
  { value: 'DEPLOY_SUCCEEDED' as NotificationEvent, label: 'Deploy succeeded' },
  { value: 'DEPLOY_FAILED' as NotificationEvent, label: 'Deploy failed' },
  { value: 'SITE_DOWN' as NotificationEvent, label: 'Site down' },
  { value: 'SITE_RECOVERED' as NotificationEvent, label: 'Site recovered' },
];

export const KINDS: { value: NotificationKind; label: string; placeholder: string }[] = [
  {
    value: 'WEBHOOK' as NotificationKind,
    label: 'Webhook',
    placeholder: 'https://example.com/hooks/launchpad',
  },
  { value: 'SLACK' as NotificationKind, label: 'Slack', placeholder: 'https://hooks.slack.com/services/…' },
  { value: 'EMAIL' as NotificationKind, label: 'E-mail', placeholder: 'ops@example.com' },
];

/** "99.95 %" with as many decimals as it takes to not round a bad day up to 100. */
export function formatUptime(fraction: number | null | undefined): string {
  if (fraction == null) return '—';
  const pct = fraction * 100;
  if (pct === 100) return '100 %';
  return `${Math.min(pct, 99.99).toFixed(pct >= 99 ? 2 : 1)} %`;
}
