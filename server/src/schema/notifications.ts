import type { ChannelView } from '../notify/channels.js';
import { siteIncidents, siteUptime } from '../notify/incident-reads.js';
import type { NotificationDelivery } from '../notify/model.js';
import { INCIDENT_KINDS, type Incident, NOTIFICATION_EVENTS, NOTIFICATION_KINDS } from '../notify/model.js';
import { roleOn } from '../services/scope.js';
import { TeamRef } from './accounts.js';
import { MANAGE, READ } from './auth.js';
import { builder } from './builder.js';
import { SiteRef } from './refs.js';
import { uses } from './selection.js';
import { authorizedStream, boundedSubscription } from './subscribe.js';

// Issue 13: incidents and uptime on Site, notification channels on Team (api.md "Observability and
// notifications"). Who may do what is the channel service's check (ADMIN changes, members read).

const IncidentKindEnum = builder.enumType('IncidentKind', { values: INCIDENT_KINDS });
const NotificationKindEnum = builder.enumType('NotificationKind', { values: NOTIFICATION_KINDS });
const NotificationEventEnum = builder.enumType('NotificationEvent', { values: NOTIFICATION_EVENTS });

const IncidentRef = builder.objectRef<Incident>('Incident').implement({
  description: 'The site stopped serving (DOWN) or serves again (RECOVERED)',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: IncidentKindEnum }),
    at: t.expose('at', { type: 'DateTime' }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const NotificationDeliveryRef = builder.objectRef<NotificationDelivery>('NotificationDelivery').implement({
  description: 'One event sent to one channel, with retries; `id` is its X-Launchpad-Delivery header',
  fields: (t) => ({
    id: t.exposeID('id'),
    channelId: t.exposeID('channelId', { description: 'The channel it was sent to' }),
    event: t.expose('event', { type: NotificationEventEnum }),
    at: t.expose('at', { type: 'DateTime' }),
    attempts: t.exposeInt('attempts'),
    responseStatus: t.exposeInt('responseStatus', { nullable: true }),
    ok: t.boolean({ resolve: (d) => d.state === 'OK' }),
    test: t.exposeBoolean('test', {
      description: 'Sent by testNotificationChannel (its event is a placeholder)',
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: "The last attempt's error; null once delivered",
    }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it is attempted again; null once delivered or given up (then `ok` says which)',
    }),
  }),
});

const NotificationChannelRef = builder.objectRef<ChannelView>('NotificationChannel').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: NotificationKindEnum }),
    target: t.exposeString('target', {
      description: 'The URL or e-mail address; members below ADMIN see only the origin of a URL',
    }),
    events: t.expose('events', { type: [NotificationEventEnum] }),
    enabled: t.exposeBoolean('enabled'),
    secret: t.exposeString('secret', {
      nullable: true,
      description: 'WEBHOOK signing secret (HMAC-SHA256 of the raw body), to ADMIN only',
    }),
    deliveries: t.field({
      type: [NotificationDeliveryRef],
      description: 'Newest first',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: (c, { first }, ctx) => ctx.notify.channels.deliveries(ctx.caller, c.id, first ?? 20),
    }),
  }),
});

const NotificationChannelInput = builder.inputType('NotificationChannelInput', {
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, required: true }),
    target: t.string({
      required: true,
      description: 'http(s) URL (WEBHOOK, SLACK) or e-mail address (EMAIL)',
    }),
    events: t.field({ type: [NotificationEventEnum], required: true }),
    enabled: t.boolean({ description: 'Default: true on create, unchanged on update' }),
  }),
});

builder.objectFields(SiteRef, (t) => ({
  uptime: t.float({
    nullable: true,
    description: 'Fraction of the last `days` days the site was not DOWN; null if it never served then',
    args: { days: t.arg.int({ defaultValue: 30 }) },
    extensions: uses('id'),
    resolve: (site, { days }, ctx) => siteUptime(ctx.caller.em, site, days ?? 30),
  }),
  incidents: t.field({
    type: [IncidentRef],
    description: 'Newest first',
    args: { first: t.arg.int({ defaultValue: 20 }) },
    extensions: uses('id'),
    resolve: (site, { first }, ctx) => siteIncidents(ctx.caller.em, site, first ?? 20),
  }),
}));

builder.objectFields(TeamRef, (t) => ({
  notificationChannels: t.field({
    type: [NotificationChannelRef],
    resolve: (team, _a, ctx) => ctx.notify.channels.list(ctx.caller, team.id),
  }),
}));

builder.mutationFields((t) => ({
  createNotificationChannel: t.field({
    type: NotificationChannelRef,
    description: 'ADMIN on the team; a WEBHOOK channel gets a signing secret made by the server',
    args: {
      teamId: t.arg.id({ required: true }),
      input: t.arg({ type: NotificationChannelInput, required: true }),
    },
    authScopes: MANAGE,
    resolve: (_r, { teamId, input }, ctx) => ctx.notify.channels.create(ctx.caller, String(teamId), input),
  }),
  updateNotificationChannel: t.field({
    type: NotificationChannelRef,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: NotificationChannelInput, required: true }),
    },
    authScopes: MANAGE,
    resolve: (_r, { id, input }, ctx) => ctx.notify.channels.update(ctx.caller, String(id), input),
  }),
  deleteNotificationChannel: t.id({
    args: { id: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_r, { id }, ctx) => ctx.notify.channels.delete(ctx.caller, String(id)),
  }),
  testNotificationChannel: t.field({
    type: NotificationDeliveryRef,
    description: 'Sends a test event now (one attempt) and answers with its delivery',
    args: { id: t.arg.id({ required: true }) },
    authScopes: MANAGE,
    resolve: (_r, { id }, ctx) => ctx.notify.channels.test(ctx.caller, String(id)),
  }),
}));

builder.subscriptionFields((t) => ({
  notificationDeliveryUpdated: t.field({
    type: NotificationDeliveryRef,
    description:
      "Deliveries to the team's channels as they happen: each new one, then each attempt (retrying, delivered, failed)",
    args: { teamId: t.arg.id({ required: true }) },
    authScopes: READ,
    subscribe: (_root, { teamId }, ctx) => {
      const team = String(teamId);
      // Subscribed before the check, so nothing between the check and the subscription is lost; each event
      // is checked again against the principal, as siteUpdated does.
      const stream = boundedSubscription(
        ctx,
        ctx.bus.subscribe('notification:delivery', team),
        () => roleOn(ctx.principal, team) !== null,
      );
      return authorizedStream(stream, ctx.notify.channels.checkWatch(ctx.caller, team));
    },
    resolve: (delivery) => delivery,
  }),
}));
