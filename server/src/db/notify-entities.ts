import { EntitySchema } from '@mikro-orm/core';
import type {
  Incident,
  NotificationAttempt,
  NotificationChannel,
  NotificationDelivery,
  NotificationEvent,
} from '../notify/model.js';

// Issue 13: incidents, notification channels, the outbox and its deliveries. Same conventions as
// entities.ts (plain interfaces, references mapped to the primary key, status-like columns as strings).

const reference = (entity: string, fieldName: string, deleteRule: 'cascade' | 'set null', nullable = false) =>
  ({ kind: 'm:1', entity, mapToPk: true, fieldName, deleteRule, nullable, index: false }) as const;

export const IncidentEntity = new EntitySchema<Incident>({
  name: 'Incident',
  tableName: 'incidents',
  indexes: [{ properties: ['siteId', 'at'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    siteId: reference('Site', 'site_id', 'cascade'),
    kind: { type: 'string', length: 16 },
    at: { type: 'datetime' },
    reason: { type: 'text', nullable: true },
  },
});

export const NotificationChannelEntity = new EntitySchema<NotificationChannel>({
  name: 'NotificationChannel',
  tableName: 'notification_channels',
  indexes: [{ properties: ['teamId', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    teamId: reference('Team', 'team_id', 'cascade'),
    kind: { type: 'string', length: 16 },
    target: { type: 'text' },
    events: { type: 'json' },
    enabled: { type: 'boolean' },
    secret: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const NotificationEventEntity = new EntitySchema<NotificationEvent>({
  name: 'NotificationEvent',
  tableName: 'notification_events',
  indexes: [{ properties: ['dispatchedAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    event: { type: 'string', length: 32 },
    siteId: reference('Site', 'site_id', 'cascade'),
    deployId: reference('Deploy', 'deploy_id', 'set null', true),
    incidentId: reference('Incident', 'incident_id', 'set null', true),
    at: { type: 'datetime' },
    dispatchedAt: { type: 'datetime', nullable: true },
  },
});

export const NotificationDeliveryEntity = new EntitySchema<NotificationDelivery>({
  name: 'NotificationDelivery',
  tableName: 'notification_deliveries',
  indexes: [{ properties: ['channelId', 'at'] }, { properties: ['state', 'nextAttemptAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 24 },
    channelId: reference('NotificationChannel', 'channel_id', 'cascade'),
    event: { type: 'string', length: 32 },
    body: { type: 'text' },
    at: { type: 'datetime' },
    state: { type: 'string', length: 16 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime', nullable: true },
    responseStatus: { type: 'integer', nullable: true },
    error: { type: 'text', nullable: true },
    test: { type: 'boolean' },
  },
});

export const NotificationAttemptEntity = new EntitySchema<NotificationAttempt>({
  name: 'NotificationAttempt',
  tableName: 'notification_attempts',
  uniques: [{ properties: ['deliveryId', 'number'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    deliveryId: reference('NotificationDelivery', 'delivery_id', 'cascade'),
    number: { type: 'integer' },
    at: { type: 'datetime' },
    responseStatus: { type: 'integer', nullable: true },
    ok: { type: 'boolean' },
    error: { type: 'text', nullable: true },
  },
});

export const notifyEntities = [
  IncidentEntity,
  NotificationChannelEntity,
  NotificationEventEntity,
  NotificationDeliveryEntity,
  NotificationAttemptEntity,
];
