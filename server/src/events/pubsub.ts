import { createPubSub, type PubSub as YogaPubSub } from 'graphql-yoga';
import type { Deploy, LogLine, Site } from '../domain/model.js';

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
};

export interface LogBatch {
  lines: readonly LogLine[];
}

/** Not null: yoga's pub/sub treats a null payload as absent and would deliver the topic id instead. */
export interface LogEnd {
  end: true;
}

export type PubSub = YogaPubSub<Events>;

export function createEventBus(): PubSub {
  return createPubSub<Events>();
}
