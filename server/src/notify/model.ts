// Incidents, notification channels and their outbox (issue 13). Plain interfaces; the entities that map
// them are in db/notify-entities.ts.

export const INCIDENT_KINDS = ['DOWN', 'RECOVERED'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const NOTIFICATION_KINDS = ['WEBHOOK', 'SLACK', 'EMAIL'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_EVENTS = [
  'DEPLOY_SUCCEEDED',
  'DEPLOY_FAILED',
  'SITE_DOWN',
  'SITE_RECOVERED',
] as const;
export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

/** A site stopped serving (DOWN) or serves again (RECOVERED); written on transitions only. */
export interface Incident {
  id: string;
  siteId: string;
  kind: IncidentKind;
  at: Date;
  reason: string | null;
}

export interface NotificationChannel {
  id: string;
  teamId: string;
  kind: NotificationKind;
  /** A URL (WEBHOOK, SLACK) or an e-mail address (EMAIL). */
  target: string;
  events: NotificationEventName[];
  enabled: boolean;
  /** WEBHOOK only: the signing secret, sealed (secrets/box.ts). */
  secret: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The outbox: one row per event, staged in the same flush as the change that causes it (a deploy's end, an
 * incident). The dispatcher turns it into one delivery per subscribed channel and sets `dispatchedAt`.
 */
export interface NotificationEvent {
  id: string;
  event: NotificationEventName;
  siteId: string;
  deployId: string | null;
  incidentId: string | null;
  at: Date;
  dispatchedAt: Date | null;
}

export const DELIVERY_STATES = ['PENDING', 'OK', 'FAILED'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One event to one channel. `id` is the `X-Launchpad-Delivery` header, the same on every attempt; `body` is
 * the exact bytes sent (frozen when the delivery is made), so every attempt's signature is over the same text.
 */
export interface NotificationDelivery {
  id: string;
  channelId: string;
  event: NotificationEventName;
  body: string;
  at: Date;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date | null;
  responseStatus: number | null;
  error: string | null;
  /** A "send test" delivery: one attempt, no retries. */
  test: boolean;
}

/** Every attempt of a delivery, as it ended. */
export interface NotificationAttempt {
  id: number;
  deliveryId: string;
  number: number;
  at: Date;
  responseStatus: number | null;
  ok: boolean;
  error: string | null;
}
