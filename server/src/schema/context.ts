import type { RequestSide, SignInService } from '../accounts/sign-in.js';
import type { TeamService } from '../accounts/teams.js';
import type { AccountReads } from '../accounts/views.js';
import type { Config } from '../config.js';
import type { Principal } from '../domain/principal.js';
import type { PubSub } from '../events/pubsub.js';
import type { ChannelService } from '../notify/channels.js';
import type { DigestDeploys } from '../services/digest-deploys.js';
import type { Reads } from '../services/reads.js';
import type { Caller } from '../services/scope.js';
import type { SiteService } from '../services/sites.js';

/**
 * What every resolver gets. Resolvers never touch the database: reads go through `reads`, writes through
 * the services with `caller` (the principal and the operation's own unit of work).
 */
export interface Context {
  /** Who is asking; null when the request carried no valid credentials (the auth gate answers it). */
  principal: Principal | null;
  caller: Caller;
  reads: Reads;
  sites: SiteService;
  bus: PubSub;
  config: Config;
  /** Base URL for links shown to users (webhook URLs). */
  publicUrl: string;
  // Accounts (issue 11)
  accounts: { signIn: SignInService; teams: TeamService };
  accountReads: AccountReads;
  // Observability (issue 13)
  notify: { channels: ChannelService };
  /** The client's address, and on HTTP the response's cookies and the session the request carried. */
  request: RequestSide;
  // Deploy workflow (issue 15)
  digestDeploys: DigestDeploys;
  /** Closes the client's WebSocket (graphql-ws operations only): how a subscriber that cannot keep up is cut off. */
  disconnect?: (reason: string) => void;
}
