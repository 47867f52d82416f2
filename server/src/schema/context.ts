import type { EntityManager } from '@mikro-orm/sqlite';
import type { Config } from '../config.js';
import type { PubSub } from '../events/pubsub.js';
import type { DataDir } from '../pipeline/data-dir.js';
import type { SiteService } from '../services/sites.js';

/** What every resolver gets. One forked EntityManager per operation; clients come from here, not globals. */
export interface Context {
  em: EntityManager;
  bus: PubSub;
  config: Config;
  data: DataDir;
  sites: SiteService;
  /** Base URL for links shown to users (webhook URLs). */
  publicUrl: string;
  /** Closes the client's WebSocket (graphql-ws operations only): how a subscriber that cannot keep up is cut off. */
  disconnect?: (reason: string) => void;
}
