import { createPubSub, type PubSub as YogaPubSub } from 'graphql-yoga';
import type { Deploy, LogLine, Site } from '../domain/model.js';
import type { NotificationDelivery } from '../notify/model.js';

/**
 * The one typed event bus. The pipeline publishes snapshots (copies taken at the moment of the change), so a
 * subscriber sees every transition in order even when the row has moved on by the time it is delivered.
 */
export type Events = {
  'site:updated': [siteId: string, site: Site];
  /** Every site change, for `siteUpdated` without an id. */
  'sites:updated': [site: Site];
  'deploy:updated': [deployId: string, deploy: Deploy];
  /**
   * Stored log lines, consecutive and in seq order (one event per committed batch: a build printing as
   * fast as it can makes thousands a second), or the marker that the deploy's log is complete.
   */
  'deploy:log': [deployId: string, event: LogBatch | LogEnd];
  /** A notification delivery to one of the team's channels was made or attempted (issue 13). */
  'notification:delivery': [teamId: string, delivery: NotificationDelivery];
  /**
   * Several control planes (issue 16): a deploy was queued or a site became free, so each replica's queue
   * looks for work (cluster/cluster-queue.ts)...
   */
  'queue:changed': [signal: { at: number }];
  /** ...and a cancel asked of one replica for a deploy another one runs. */
  'deploy:cancel': [request: { deployId: string }];
  /**
   * This replica's link to the others came back after a drop (events/pg-link.ts): what they sent meanwhile
   * is lost, so followers re-read what they follow from the database. Delivered here only, never sent.
   */
  'link:resumed': [signal: { at: number }];
};

export interface LogBatch {
  lines: readonly LogLine[];
}

/** Not null: yoga's pub/sub treats a null payload as absent and would deliver the topic id instead. */
export interface LogEnd {
  end: true;
}

export type PubSub = YogaPubSub<Events>;

/**
 * In-process by default; with several control planes on one database, `eventTarget` also carries every
 * event to the other replicas and theirs to this one (events/replicated-target.ts).
 */
export function createEventBus(eventTarget?: EventTarget): PubSub {
  return eventTarget ? createPubSub<Events>({ eventTarget: eventTarget as never }) : createPubSub<Events>();
}
