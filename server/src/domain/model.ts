/**
 * The persisted shapes of Launchpad's three records. The ORM entities (server/src/db) and the GraphQL
 * types (server/src/schema) are both written against these interfaces, so one change here is checked
 * everywhere by the compiler. Enum values are the GraphQL enum values (api.md).
 */
import type { DeployContext } from './deploy-context.js';

export const SOURCE_TYPES = ['ZIP', 'GIT'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** DOWN (issue 17): the site has a live deploy but its server is not running; Launchpad is restarting it. */
export const SITE_STATUSES = ['CREATED', 'DEPLOYING', 'LIVE', 'FAILED', 'DOWN'] as const;
/** STATIC: files served by the site's nginx; SERVER: an app container behind it (issue 14). */
export const SITE_KINDS = ['STATIC', 'SERVER'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export type SiteStatus = (typeof SITE_STATUSES)[number];

/** UPLOADING (issue 15): a digest deploy waiting for the files it still requires; it starts once none are. */
export const DEPLOY_STATUSES = [
  'UPLOADING',
  'QUEUED',
  'BUILDING',
  'PUBLISHING',
  'LIVE',
  'SUPERSEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type DeployStatus = (typeof DEPLOY_STATUSES)[number];
/** A deploy in one of these states never changes again. */
export const FINAL_DEPLOY_STATUSES: readonly DeployStatus[] = ['SUPERSEDED', 'FAILED', 'CANCELLED'];
/** LIVE is final for the pipeline too: only a newer deploy (or rollback) moves it on to SUPERSEDED. */
export function isSettled(status: DeployStatus): boolean {
  return status === 'LIVE' || FINAL_DEPLOY_STATUSES.includes(status);
}

export const DEPLOY_TRIGGERS = ['UPLOAD', 'GIT', 'WEBHOOK', 'REDEPLOY', 'ROLLBACK'] as const;
export type DeployTrigger = (typeof DEPLOY_TRIGGERS)[number];

export const LOG_STREAMS = ['STDOUT', 'STDERR', 'SYSTEM'] as const;
export type LogStream = (typeof LOG_STREAMS)[number];

export interface EnvVar {
  name: string;
  value: string;
}

/**
 * An env var as a site stores it: a plain value as it is, a secret one (`secret: true`) only as sealed
 * text (secrets/box.ts). Only `secrets/site-env.ts` turns these into values a container gets.
 */
export interface StoredEnvVar extends EnvVar {
  secret?: boolean;
}

/** How Launchpad authenticates to a git site's repository (api.md, "Secrets and private repositories"). */
export const GIT_AUTHS = ['NONE', 'SSH_KEY', 'TOKEN'] as const;
export type GitAuth = (typeof GIT_AUTHS)[number];

export interface Site {
  id: string;
  slug: string;
  name: string;
  sourceType: SourceType;
  gitUrl: string | null;
  branch: string | null;
  buildCommand: string | null;
  outputDir: string;
  envVars: StoredEnvVar[];
  autoDeploy: boolean;
  spa: boolean;
  domains: string[];
  /** Sealed (secrets/box.ts); plain only in a database written before issue 12, until the next start. */
  webhookSecret: string | null;
  status: SiteStatus;
  currentDeployId: string | null;
  /** Loopback port the site container publishes when LAUNCHPAD_PUBLISH_PORTS is on. */
  localPort: number | null;
  nextDeployNumber: number;
  createdAt: Date;
  updatedAt: Date;
  // issue 12 (secrets): the credentials themselves live in site_git_access (db/secret-entities.ts).
  gitAuth: GitAuth;
  // Server apps (issue 14): null on STATIC sites.
  kind: SiteKind;
  /** Run as `sh -c` inside the app container, never on the host. */
  startCommand: string | null;
  /** Where the app listens inside its container (also its PORT variable). */
  port: number | null;
  healthCheckPath: string | null;
  runtimeImage: string | null;
  // Accounts (issue 11)
  /** The team that owns the site; null only for a site no team owns (seen by the admin token alone). */
  teamId: string | null;
  // Deploy workflow (issue 15): branch deploys and pull request previews (both off by default).
  /** A push to another branch than `branch` makes a BRANCH deploy at `<branch-label>--<slug>.<domain>`. */
  branchDeploys: boolean;
  /** A GitHub pull request makes a PREVIEW deploy at `pr-<n>--<slug>.<domain>`, removed when it closes. */
  deployPreviews: boolean;
  /** Keep package-manager caches and node_modules between builds (off for all with LAUNCHPAD_BUILD_CACHE=false). */
  buildCache: boolean;
  /** Size of the site's build cache after its last build (0 when empty or cleared). */
  buildCacheBytes: number;
}

export interface Deploy {
  id: string;
  siteId: string;
  number: number;
  status: DeployStatus;
  trigger: DeployTrigger;
  commitSha: string | null;
  commitMessage: string | null;
  error: string | null;
  /** Path of the uploaded archive, relative to the data dir (ZIP sites); kept so a redeploy can reuse it. */
  archive: string | null;
  /** For ROLLBACK deploys: the deploy whose published files this one serves. */
  sourceDeployId: string | null;
  /** Set once retention removed the published files; the row and its logs stay. */
  filesPrunedAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  // Deploy workflow (issue 15)
  /** A digest deploy: its files came as hashes plus uploads (uploads/<id>), not as an archive (absent: false). */
  digest?: boolean;
  // Deploy workflow (issue 15): where the deploy is served; only PRODUCTION ones become current.
  context: DeployContext;
  /** The branch a BRANCH deploy (or a PREVIEW's pull request head) was built from. */
  branch: string | null;
  /** The pull request number of a PREVIEW deploy. */
  pullRequest: number | null;
}

export interface LogLine {
  id?: number;
  deployId: string;
  seq: number;
  at: Date;
  stream: LogStream;
  text: string;
}

export const WEBHOOK_OUTCOMES = ['QUEUED', 'IGNORED', 'REJECTED'] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** One request to a site's webhook URL, kept so a user can see why a push did or did not deploy. */
export interface WebhookDelivery {
  id: string;
  siteId: string;
  /** X-GitHub-Delivery; GitHub's "redeliver" sends the same id again. */
  deliveryId: string | null;
  event: string;
  outcome: WebhookOutcome;
  reason: string | null;
  deployId: string | null;
  receivedAt: Date;
}
