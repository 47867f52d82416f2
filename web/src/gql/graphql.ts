/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO 8601 string in UTC */
  DateTime: { input: string; output: string; }
  /** A file sent as a part of a GraphQL multipart request (spec: github.com/jaydenseric/graphql-multipart-request-spec) */
  File: { input: File; output: File; }
};

export type ApiToken = {
  __typename?: 'ApiToken';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The first characters of the secret */
  prefix: Scalars['String']['output'];
  scope: TokenScope;
};

export const AppState = {
  Crashed: 'CRASHED',
  Missing: 'MISSING',
  Restarting: 'RESTARTING',
  Running: 'RUNNING',
  Stopped: 'STOPPED'
} as const;

export type AppState = typeof AppState[keyof typeof AppState];
/** A SERVER site's current app container, as the engine reports it now */
export type AppStatus = {
  __typename?: 'AppStatus';
  /** Stopped for lack of memory (until Docker starts it again) */
  oomKilled: Scalars['Boolean']['output'];
  /** Restarts by Docker's restart policy */
  restartCount: Scalars['Int']['output'];
  state: AppState;
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  detail?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  targetId?: Maybe<Scalars['ID']['output']>;
  targetType?: Maybe<Scalars['String']['output']>;
};

export type AuthProvider = {
  __typename?: 'AuthProvider';
  label: Scalars['String']['output'];
  /** The sign-in starts at GET /auth/oidc/<name> */
  name: Scalars['String']['output'];
};

export type CreateSiteInput = {
  autoDeploy?: InputMaybe<Scalars['Boolean']['input']>;
  branch?: InputMaybe<Scalars['String']['input']>;
  /** Default false */
  branchDeploys?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default true (LAUNCHPAD_BUILD_CACHE=false turns it off for all) */
  buildCache?: InputMaybe<Scalars['Boolean']['input']>;
  buildCommand?: InputMaybe<Scalars['String']['input']>;
  /** Default false */
  deployPreviews?: InputMaybe<Scalars['Boolean']['input']>;
  domains?: InputMaybe<Array<Scalars['String']['input']>>;
  envVars?: InputMaybe<Array<EnvVarInput>>;
  /** ZIP: the archive; the first deploy starts at once */
  file?: InputMaybe<Scalars['File']['input']>;
  /** Default NONE (a public repository) */
  gitAuth?: InputMaybe<GitAuth>;
  /** Write-only: for gitAuth TOKEN (a GitHub personal or fine-grained token) */
  gitToken?: InputMaybe<Scalars['String']['input']>;
  gitUrl?: InputMaybe<Scalars['String']['input']>;
  /** SERVER: default / */
  healthCheckPath?: InputMaybe<Scalars['String']['input']>;
  /** STATIC unless given */
  kind?: InputMaybe<SiteKind>;
  name: Scalars['String']['input'];
  /** Folder to publish, relative to the archive or checkout root */
  outputDir?: InputMaybe<Scalars['String']['input']>;
  /** SERVER: default 3000 */
  port?: InputMaybe<Scalars['Int']['input']>;
  /** SERVER: default the build image */
  runtimeImage?: InputMaybe<Scalars['String']['input']>;
  /** Generated ("graceful-fox-3f9a") when not given */
  slug?: InputMaybe<Scalars['String']['input']>;
  sourceType: SourceType;
  spa?: InputMaybe<Scalars['Boolean']['input']>;
  /** SERVER: default `npm start` */
  startCommand?: InputMaybe<Scalars['String']['input']>;
  /** The team that owns the site; required when the principal is in several */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreatedApiToken = {
  __typename?: 'CreatedApiToken';
  /** Shown this once; only its hash is stored */
  secret: Scalars['String']['output'];
  token: ApiToken;
};

/** One immutable attempt to publish a site */
export type Deploy = {
  __typename?: 'Deploy';
  /** BRANCH: the branch it built; PREVIEW: the pull request's head branch (shown, never cloned) */
  branch?: Maybe<Scalars['String']['output']>;
  commitMessage?: Maybe<Scalars['String']['output']>;
  commitSha?: Maybe<Scalars['String']['output']>;
  /** PRODUCTION deploys become current; BRANCH and PREVIEW ones are served at their own host */
  context: DeployContext;
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed, in words a user can act on */
  error?: Maybe<Scalars['String']['output']>;
  /** When retention removed this deploy's files (its row and log stay); null while they exist */
  filesPrunedAt?: Maybe<Scalars['DateTime']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Stored lines with seq > after, oldest first */
  logs: Array<LogLine>;
  /** 1, 2, 3 … per site */
  number: Scalars['Int']['output'];
  /** This deploy's own URL, serving its files whether or not it is current */
  permalink: Scalars['String']['output'];
  /** PREVIEW: the pull request number */
  pullRequest?: Maybe<Scalars['Int']['output']>;
  site: Site;
  /** For a ROLLBACK: the earlier deploy whose files it serves again */
  sourceDeploy?: Maybe<Deploy>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: DeployStatus;
  trigger: DeployTrigger;
  /** Where the deploy is meant to be seen: the site URL (PRODUCTION), `<branch-label>--<slug>.<domain>` (BRANCH) or `pr-<n>--<slug>.<domain>` (PREVIEW) */
  url: Scalars['String']['output'];
};


/** One immutable attempt to publish a site */
export type DeployLogsArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export const DeployContext = {
  Branch: 'BRANCH',
  Preview: 'PREVIEW',
  Production: 'PRODUCTION'
} as const;

export type DeployContext = typeof DeployContext[keyof typeof DeployContext];
/** One file of a digest deploy: where it goes, and the SHA-256 and size of its bytes */
export type DeployFileInput = {
  /** Relative to the site root, '/'-separated (no '..') */
  path: Scalars['String']['input'];
  /** 64 hexadecimal characters */
  sha256: Scalars['String']['input'];
  /** In bytes */
  size: Scalars['Float']['input'];
};

/** An ed25519 key pair for cloning over ssh; only the public half is ever shown */
export type DeployKey = {
  __typename?: 'DeployKey';
  createdAt: Scalars['DateTime']['output'];
  /** SHA256:…, as GitHub and ssh-keygen -l show it */
  fingerprint: Scalars['String']['output'];
  /** Add this to the repository (GitHub: Settings → Deploy keys → Add deploy key, read access) */
  publicKey: Scalars['String']['output'];
};

export const DeployStatus = {
  Building: 'BUILDING',
  Cancelled: 'CANCELLED',
  Failed: 'FAILED',
  Live: 'LIVE',
  Publishing: 'PUBLISHING',
  Queued: 'QUEUED',
  Superseded: 'SUPERSEDED',
  Uploading: 'UPLOADING'
} as const;

export type DeployStatus = typeof DeployStatus[keyof typeof DeployStatus];
export const DeployTrigger = {
  Git: 'GIT',
  Redeploy: 'REDEPLOY',
  Rollback: 'ROLLBACK',
  Upload: 'UPLOAD',
  Webhook: 'WEBHOOK'
} as const;

export type DeployTrigger = typeof DeployTrigger[keyof typeof DeployTrigger];
/** A digest deploy and the files the server still needs for it */
export type DigestDeploy = {
  __typename?: 'DigestDeploy';
  deploy: Deploy;
  /** SHA-256s the server does not have yet; upload each with uploadDeployFiles. Empty: it started */
  required: Array<Scalars['String']['output']>;
};

export type EnvVar = {
  __typename?: 'EnvVar';
  name: Scalars['String']['output'];
  secret: Scalars['Boolean']['output'];
  /** null when secret (write-only) */
  value?: Maybe<Scalars['String']['output']>;
};

export type EnvVarInput = {
  name: Scalars['String']['input'];
  /** Stored encrypted and never shown again; masked in build logs. Default: as stored (else false) */
  secret?: InputMaybe<Scalars['Boolean']['input']>;
  /** A secret sent without a value keeps its stored value */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** The values of `extensions.code` on every error this API returns */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  Forbidden: 'FORBIDDEN',
  Internal: 'INTERNAL',
  NotFound: 'NOT_FOUND',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: 'RATE_LIMITED',
  Unauthenticated: 'UNAUTHENTICATED',
  Unavailable: 'UNAVAILABLE'
} as const;

export type ErrorCode = typeof ErrorCode[keyof typeof ErrorCode];
/** How Launchpad authenticates to a git repository: not at all, with a deploy key, or a token */
export const GitAuth = {
  None: 'NONE',
  SshKey: 'SSH_KEY',
  Token: 'TOKEN'
} as const;

export type GitAuth = typeof GitAuth[keyof typeof GitAuth];
/** The site stopped serving (DOWN) or serves again (RECOVERED) */
export type Incident = {
  __typename?: 'Incident';
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: IncidentKind;
  reason?: Maybe<Scalars['String']['output']>;
};

export const IncidentKind = {
  Down: 'DOWN',
  Recovered: 'RECOVERED'
} as const;

export type IncidentKind = typeof IncidentKind[keyof typeof IncidentKind];
export type Invitation = {
  __typename?: 'Invitation';
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  role: Role;
  /** The link that accepts the invitation: only in the answer to inviteMember, once */
  url?: Maybe<Scalars['String']['output']>;
};

/** What an open invitation link offers the signed-in user, before they accept it */
export type InvitationOffer = {
  __typename?: 'InvitationOffer';
  expiresAt: Scalars['DateTime']['output'];
  /** The user is already in the team */
  member: Scalars['Boolean']['output'];
  role: Role;
  teamName: Scalars['String']['output'];
};

/** One line of a deploy log; seq counts from 1 per deploy */
export type LogLine = {
  __typename?: 'LogLine';
  at: Scalars['DateTime']['output'];
  seq: Scalars['Int']['output'];
  stream: LogStream;
  text: Scalars['String']['output'];
};

export const LogStream = {
  Stderr: 'STDERR',
  Stdout: 'STDOUT',
  System: 'SYSTEM'
} as const;

export type LogStream = typeof LogStream[keyof typeof LogStream];
export type Member = {
  __typename?: 'Member';
  joinedAt: Scalars['DateTime']['output'];
  role: Role;
  user: User;
};

export type Mutation = {
  __typename?: 'Mutation';
  acceptInvitation: Team;
  cancelDeploy: Deploy;
  /** Also ends every other session */
  changePassword: Scalars['Boolean']['output'];
  /** Empties the site's build cache: its next build starts clean */
  clearBuildCache: Site;
  createApiToken: CreatedApiToken;
  /** Deploys a ZIP site from a list of files by digest: files the server already holds are not sent again. The deploy is UPLOADING until every required file is uploaded, then starts by itself */
  createDigestDeploy: DigestDeploy;
  /** ADMIN on the team; a WEBHOOK channel gets a signing secret made by the server */
  createNotificationChannel: NotificationChannel;
  createSite: Site;
  createTeam: Team;
  deleteNotificationChannel: Scalars['ID']['output'];
  /** Stops and removes the site container, its files, deploys and logs */
  deleteSite: Scalars['ID']['output'];
  /** Deploys the site again; zip sites may send a new archive, else the last one is used again */
  deploySite: Deploy;
  /** Forgets the ssh host key stored at the site's first clone, once the git server's operator confirmed that its key changed; the next deploy trusts the key it meets */
  forgetSshHostKey: Site;
  /** A new deploy key for a git site, replacing its earlier one (remove that from the repository). Choose gitAuth SSH_KEY and an ssh URL (git@github.com:owner/repo.git) to clone with it. */
  generateDeployKey: DeployKey;
  inviteMember: Invitation;
  removeMember: Scalars['ID']['output'];
  revokeApiToken: Scalars['ID']['output'];
  /** Makes an earlier deploy current again at once (no rebuild), recorded as a ROLLBACK deploy */
  rollback: Deploy;
  /** A new webhook secret; deliveries signed with the old one are refused from now on */
  rotateWebhookSecret: Site;
  setMemberRole: Member;
  signIn: User;
  signOut: Scalars['Boolean']['output'];
  /** Ends every other session of the signed-in user */
  signOutEverywhere: Scalars['Boolean']['output'];
  /** Creates an account and signs it in (session cookie) */
  signUp: User;
  /** Sends a test event now (one attempt) and answers with its delivery */
  testNotificationChannel: NotificationDelivery;
  updateNotificationChannel: NotificationChannel;
  updateSite: Site;
  /** Uploads required files of a digest deploy, each part named by its sha256 (checked, with its size); a bad part refuses the whole request. Answers what is still required */
  uploadDeployFiles: DigestDeploy;
};


export type MutationAcceptInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationCancelDeployArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  current: Scalars['String']['input'];
  next: Scalars['String']['input'];
};


export type MutationClearBuildCacheArgs = {
  siteId: Scalars['ID']['input'];
};


export type MutationCreateApiTokenArgs = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  scope: TokenScope;
  teamId: Scalars['ID']['input'];
};


export type MutationCreateDigestDeployArgs = {
  files: Array<DeployFileInput>;
  siteId: Scalars['ID']['input'];
};


export type MutationCreateNotificationChannelArgs = {
  input: NotificationChannelInput;
  teamId: Scalars['ID']['input'];
};


export type MutationCreateSiteArgs = {
  input: CreateSiteInput;
};


export type MutationCreateTeamArgs = {
  name: Scalars['String']['input'];
};


export type MutationDeleteNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteSiteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeploySiteArgs = {
  file?: InputMaybe<Scalars['File']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationForgetSshHostKeyArgs = {
  siteId: Scalars['ID']['input'];
};


export type MutationGenerateDeployKeyArgs = {
  siteId: Scalars['ID']['input'];
};


export type MutationInviteMemberArgs = {
  email: Scalars['String']['input'];
  role: Role;
  teamId: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRollbackArgs = {
  deployId: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetMemberRoleArgs = {
  role: Role;
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationSignUpArgs = {
  email: Scalars['String']['input'];
  invitation?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
};


export type MutationTestNotificationChannelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateNotificationChannelArgs = {
  id: Scalars['ID']['input'];
  input: NotificationChannelInput;
};


export type MutationUpdateSiteArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSiteInput;
};


export type MutationUploadDeployFilesArgs = {
  deployId: Scalars['ID']['input'];
  files: Array<Scalars['File']['input']>;
};

export type NotificationChannel = {
  __typename?: 'NotificationChannel';
  /** Newest first */
  deliveries: Array<NotificationDelivery>;
  enabled: Scalars['Boolean']['output'];
  events: Array<NotificationEvent>;
  id: Scalars['ID']['output'];
  kind: NotificationKind;
  /** WEBHOOK signing secret (HMAC-SHA256 of the raw body), to ADMIN only */
  secret?: Maybe<Scalars['String']['output']>;
  /** The URL or e-mail address; members below ADMIN see only the origin of a URL */
  target: Scalars['String']['output'];
};


export type NotificationChannelDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type NotificationChannelInput = {
  /** Default: true on create, unchanged on update */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events: Array<NotificationEvent>;
  kind: NotificationKind;
  /** http(s) URL (WEBHOOK, SLACK) or e-mail address (EMAIL) */
  target: Scalars['String']['input'];
};

/** One event sent to one channel, with retries; `id` is its X-Launchpad-Delivery header */
export type NotificationDelivery = {
  __typename?: 'NotificationDelivery';
  at: Scalars['DateTime']['output'];
  attempts: Scalars['Int']['output'];
  /** The channel it was sent to */
  channelId: Scalars['ID']['output'];
  /** The last attempt's error; null once delivered */
  error?: Maybe<Scalars['String']['output']>;
  event: NotificationEvent;
  id: Scalars['ID']['output'];
  /** When it is attempted again; null once delivered or given up (then `ok` says which) */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  ok: Scalars['Boolean']['output'];
  responseStatus?: Maybe<Scalars['Int']['output']>;
  /** Sent by testNotificationChannel (its event is a placeholder) */
  test: Scalars['Boolean']['output'];
};

export const NotificationEvent = {
  DeployFailed: 'DEPLOY_FAILED',
  DeploySucceeded: 'DEPLOY_SUCCEEDED',
  SiteDown: 'SITE_DOWN',
  SiteRecovered: 'SITE_RECOVERED'
} as const;

export type NotificationEvent = typeof NotificationEvent[keyof typeof NotificationEvent];
export const NotificationKind = {
  Email: 'EMAIL',
  Slack: 'SLACK',
  Webhook: 'WEBHOOK'
} as const;

export type NotificationKind = typeof NotificationKind[keyof typeof NotificationKind];
export type Query = {
  __typename?: 'Query';
  /** Newest first (ADMIN); `before` is the id of the last event of the previous page */
  auditLog: Array<AuditEvent>;
  /** The OpenID providers people may sign in with; answered without a principal */
  authProviders: Array<AuthProvider>;
  deploy?: Maybe<Deploy>;
  /** The team an invitation link joins, for a signed-in user (null: used, expired or unknown) */
  invitationOffer?: Maybe<InvitationOffer>;
  /** One site, by id or by slug */
  site?: Maybe<Site>;
  /** Newest first: every site the caller sees, or a page of them */
  sites: Array<Site>;
  team?: Maybe<Team>;
  viewer: Viewer;
};


export type QueryAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  teamId: Scalars['ID']['input'];
};


export type QueryDeployArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvitationOfferArgs = {
  token: Scalars['String']['input'];
};


export type QuerySiteArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};

export const Role = {
  Admin: 'ADMIN',
  Developer: 'DEVELOPER',
  Owner: 'OWNER',
  Viewer: 'VIEWER'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** A site: what a user creates once; every deploy of it is a Deploy. */
export type Site = {
  __typename?: 'Site';
  /** SERVER: the state of the current app (null for a static site or before the first deploy) */
  app?: Maybe<AppStatus>;
  autoDeploy: Scalars['Boolean']['output'];
  branch?: Maybe<Scalars['String']['output']>;
  /** A push to another branch makes a BRANCH deploy at `<branch-label>--<slug>.<domain>` */
  branchDeploys: Scalars['Boolean']['output'];
  /** Keep npm, yarn and pnpm caches and node_modules between builds (this site only) */
  buildCache: Scalars['Boolean']['output'];
  /** Size of the build cache after the last build (0 when empty or cleared) */
  buildCacheBytes: Scalars['Float']['output'];
  buildCommand?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currentDeploy?: Maybe<Deploy>;
  deployKey?: Maybe<DeployKey>;
  /** A GitHub pull request into the branch makes a PREVIEW deploy at `pr-<n>--<slug>.<domain>` */
  deployPreviews: Scalars['Boolean']['output'];
  /** Newest first */
  deploys: Array<Deploy>;
  /** Custom hostnames routed to the site */
  domains: Array<Scalars['String']['output']>;
  envVars: Array<EnvVar>;
  gitAuth: GitAuth;
  gitUrl?: Maybe<Scalars['String']['output']>;
  /** SERVER: must answer 2xx or 3xx before a new app goes live */
  healthCheckPath?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Newest first */
  incidents: Array<Incident>;
  kind: SiteKind;
  /** http://127.0.0.1:<port> when the site container publishes a loopback port */
  localUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  outputDir: Scalars['String']['output'];
  /** SERVER: where the app listens (also its PORT) */
  port?: Maybe<Scalars['Int']['output']>;
  /** SERVER: the app image */
  runtimeImage?: Maybe<Scalars['String']['output']>;
  /** First label of the site host: [a-z0-9-], unique */
  slug: Scalars['String']['output'];
  sourceType: SourceType;
  /** Serve index.html for unknown paths */
  spa: Scalars['Boolean']['output'];
  /** SERVER: run as `sh -c` in the app container */
  startCommand?: Maybe<Scalars['String']['output']>;
  status: SiteStatus;
  /** The team that owns the site */
  team: Team;
  /** One point per interval from `from` to `to` (default now), oldest first; at most 3000 points. Minutes are kept 48 hours, hours 90 days, days 2 years. */
  traffic: Array<TrafficPoint>;
  updatedAt: Scalars['DateTime']['output'];
  /** Fraction of the last `days` days the site was not DOWN; null if it never served then */
  uptime?: Maybe<Scalars['Float']['output']>;
  url: Scalars['String']['output'];
  /** Newest first */
  webhookDeliveries: Array<WebhookDelivery>;
  /** Secret GitHub signs deliveries with (X-Hub-Signature-256); git sites only */
  webhookSecret?: Maybe<Scalars['String']['output']>;
  /** Payload URL for a GitHub push webhook (content type application/json); git sites only */
  webhookUrl?: Maybe<Scalars['String']['output']>;
};


/** A site: what a user creates once; every deploy of it is a Deploy. */
export type SiteDeploysArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A site: what a user creates once; every deploy of it is a Deploy. */
export type SiteIncidentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A site: what a user creates once; every deploy of it is a Deploy. */
export type SiteTrafficArgs = {
  from: Scalars['DateTime']['input'];
  interval?: InputMaybe<TrafficInterval>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A site: what a user creates once; every deploy of it is a Deploy. */
export type SiteUptimeArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
};


/** A site: what a user creates once; every deploy of it is a Deploy. */
export type SiteWebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export const SiteKind = {
  Server: 'SERVER',
  Static: 'STATIC'
} as const;

export type SiteKind = typeof SiteKind[keyof typeof SiteKind];
export const SiteStatus = {
  Created: 'CREATED',
  Deploying: 'DEPLOYING',
  Down: 'DOWN',
  Failed: 'FAILED',
  Live: 'LIVE'
} as const;

export type SiteStatus = typeof SiteStatus[keyof typeof SiteStatus];
export const SourceType = {
  Git: 'GIT',
  Zip: 'ZIP'
} as const;

export type SourceType = typeof SourceType[keyof typeof SourceType];
export type Subscription = {
  __typename?: 'Subscription';
  /** Lines with seq > after, then live lines until the deploy ends; no gaps, no repeats */
  deployLog: LogLine;
  /** Every status change of one deploy, in order */
  deployUpdated: Deploy;
  /** Deliveries to the team's channels as they happen: each new one, then each attempt (retrying, delivered, failed) */
  notificationDeliveryUpdated: NotificationDelivery;
  /** A SERVER site's running app: its last `tail` lines (at most 1000), then live lines */
  siteRuntimeLog: LogLine;
  /** Changes of one site, or of every site when no id is given */
  siteUpdated: Site;
};


export type SubscriptionDeployLogArgs = {
  after?: InputMaybe<Scalars['Int']['input']>;
  deployId: Scalars['ID']['input'];
};


export type SubscriptionDeployUpdatedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionNotificationDeliveryUpdatedArgs = {
  teamId: Scalars['ID']['input'];
};


export type SubscriptionSiteRuntimeLogArgs = {
  siteId: Scalars['ID']['input'];
  tail?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionSiteUpdatedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

export type Team = {
  __typename?: 'Team';
  id: Scalars['ID']['output'];
  /** Pending invitations (ADMIN) */
  invitations: Array<Invitation>;
  members: Array<Member>;
  name: Scalars['String']['output'];
  notificationChannels: Array<NotificationChannel>;
  /** Newest first: the team's sites, or a page of them */
  sites: Array<Site>;
  slug: Scalars['String']['output'];
  /** API tokens not revoked (ADMIN) */
  tokens: Array<ApiToken>;
  viewerRole: Role;
};


export type TeamSitesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export const TokenScope = {
  Admin: 'ADMIN',
  Deploy: 'DEPLOY',
  Read: 'READ'
} as const;

export type TokenScope = typeof TokenScope[keyof typeof TokenScope];
export const TrafficInterval = {
  Day: 'DAY',
  Hour: 'HOUR',
  Minute: 'MINUTE'
} as const;

export type TrafficInterval = typeof TrafficInterval[keyof typeof TrafficInterval];
/** Requests a site's server answered in one minute, hour or day (UTC), permalink hosts included */
export type TrafficPoint = {
  __typename?: 'TrafficPoint';
  /** Start of the interval */
  at: Scalars['DateTime']['output'];
  /** Response bytes sent, headers included */
  bytes: Scalars['Float']['output'];
  /** Median request time (null: no requests) */
  p50Ms?: Maybe<Scalars['Float']['output']>;
  p95Ms?: Maybe<Scalars['Float']['output']>;
  requests: Scalars['Int']['output'];
  status2xx: Scalars['Int']['output'];
  status3xx: Scalars['Int']['output'];
  status4xx: Scalars['Int']['output'];
  status5xx: Scalars['Int']['output'];
};

export type UpdateSiteInput = {
  autoDeploy?: InputMaybe<Scalars['Boolean']['input']>;
  branch?: InputMaybe<Scalars['String']['input']>;
  /** Default false */
  branchDeploys?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default true (LAUNCHPAD_BUILD_CACHE=false turns it off for all) */
  buildCache?: InputMaybe<Scalars['Boolean']['input']>;
  buildCommand?: InputMaybe<Scalars['String']['input']>;
  /** Default false */
  deployPreviews?: InputMaybe<Scalars['Boolean']['input']>;
  domains?: InputMaybe<Array<Scalars['String']['input']>>;
  envVars?: InputMaybe<Array<EnvVarInput>>;
  /** Default NONE (a public repository) */
  gitAuth?: InputMaybe<GitAuth>;
  /** Write-only: for gitAuth TOKEN (a GitHub personal or fine-grained token) */
  gitToken?: InputMaybe<Scalars['String']['input']>;
  /** Git sites: a new repository URL (ADMIN when the site sends a token) */
  gitUrl?: InputMaybe<Scalars['String']['input']>;
  /** SERVER: default / */
  healthCheckPath?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  outputDir?: InputMaybe<Scalars['String']['input']>;
  /** SERVER: default 3000 */
  port?: InputMaybe<Scalars['Int']['input']>;
  /** SERVER: default the build image */
  runtimeImage?: InputMaybe<Scalars['String']['input']>;
  spa?: InputMaybe<Scalars['Boolean']['input']>;
  /** SERVER: default `npm start` */
  startCommand?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
};

export type Viewer = {
  __typename?: 'Viewer';
  teams: Array<Team>;
  /** Null for the admin token and API tokens */
  user?: Maybe<User>;
};

/** One request to a site webhook URL, and what it led to */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** X-GitHub-Delivery */
  deliveryId?: Maybe<Scalars['String']['output']>;
  deploy?: Maybe<Deploy>;
  /** X-GitHub-Event (push, ping, …) */
  event: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** QUEUED, IGNORED or REJECTED */
  outcome: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
};

export type ViewerFieldsFragment = { __typename?: 'Viewer', user?: { __typename?: 'User', id: string, email: string, name?: string | null } | null, teams: Array<{ __typename?: 'Team', id: string, name: string, slug: string, viewerRole: Role }> };

export type MemberFieldsFragment = { __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name?: string | null } };

export type AuthProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthProvidersQuery = { __typename?: 'Query', authProviders: Array<{ __typename?: 'AuthProvider', name: string, label: string }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', user?: { __typename?: 'User', id: string, email: string, name?: string | null } | null, teams: Array<{ __typename?: 'Team', id: string, name: string, slug: string, viewerRole: Role }> } };

export type SignInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'User', id: string } };

export type SignUpMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  invitation?: InputMaybe<Scalars['String']['input']>;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'User', id: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename?: 'Mutation', signOut: boolean };

export type MembersQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type MembersQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, viewerRole: Role, members: Array<{ __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name?: string | null } }> } | null };

export type InvitationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type InvitationsQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, invitations: Array<{ __typename?: 'Invitation', id: string, email: string, role: Role, expiresAt: string }> } | null };

export type InviteMemberMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  role: Role;
}>;


export type InviteMemberMutation = { __typename?: 'Mutation', inviteMember: { __typename?: 'Invitation', id: string, email: string, role: Role, expiresAt: string, url?: string | null } };

export type SetMemberRoleMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: Role;
}>;


export type SetMemberRoleMutation = { __typename?: 'Mutation', setMemberRole: { __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name?: string | null } } };

export type InvitationOfferQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type InvitationOfferQuery = { __typename?: 'Query', invitationOffer?: { __typename?: 'InvitationOffer', teamName: string, role: Role, expiresAt: string, member: boolean } | null };

export type AcceptInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'Team', id: string, name: string } };

export type RemoveMemberMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: string };

export type TokensQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TokensQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, tokens: Array<{ __typename?: 'ApiToken', id: string, name: string, scope: TokenScope, prefix: string, createdAt: string, lastUsedAt?: string | null, expiresAt?: string | null }> } | null };

export type CreateApiTokenMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  scope: TokenScope;
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CreateApiTokenMutation = { __typename?: 'Mutation', createApiToken: { __typename?: 'CreatedApiToken', secret: string, token: { __typename?: 'ApiToken', id: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeApiTokenMutation = { __typename?: 'Mutation', revokeApiToken: string };

export type AuditLogQueryVariables = Exact<{
  teamId: Scalars['ID']['input'];
  before?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: Array<{ __typename?: 'AuditEvent', id: string, at: string, actor: string, action: string, targetType?: string | null, targetId?: string | null, ip?: string | null, detail?: string | null }> };

export type ChangePasswordMutationVariables = Exact<{
  current: Scalars['String']['input'];
  next: Scalars['String']['input'];
}>;


export type ChangePasswordMutation = { __typename?: 'Mutation', changePassword: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { __typename?: 'Mutation', signOutEverywhere: boolean };

export type PingQueryVariables = Exact<{ [key: string]: never; }>;


export type PingQuery = { __typename: 'Query' };

export type SitesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type SitesQuery = { __typename?: 'Query', sites: Array<{ __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, createdAt: string, updatedAt: string, team: { __typename?: 'Team', id: string }, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, createdAt: string }> }> };

export type TeamSitesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type TeamSitesQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, sites: Array<{ __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, createdAt: string, updatedAt: string, team: { __typename?: 'Team', id: string }, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, createdAt: string }> }> } | null };

export type SiteQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SiteQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> } | null };

export type DeployQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeployQuery = { __typename?: 'Query', deploy?: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null } | null };

export type CreateSiteMutationVariables = Exact<{
  input: CreateSiteInput;
}>;


export type CreateSiteMutation = { __typename?: 'Mutation', createSite: { __typename?: 'Site', id: string, slug: string } };

export type UpdateSiteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateSiteInput;
}>;


export type UpdateSiteMutation = { __typename?: 'Mutation', updateSite: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> } };

export type DeploySiteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  file?: InputMaybe<Scalars['File']['input']>;
}>;


export type DeploySiteMutation = { __typename?: 'Mutation', deploySite: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null } };

export type CancelDeployMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelDeployMutation = { __typename?: 'Mutation', cancelDeploy: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null } };

export type RollbackMutationVariables = Exact<{
  deployId: Scalars['ID']['input'];
}>;


export type RollbackMutation = { __typename?: 'Mutation', rollback: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null } };

export type RotateWebhookSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateWebhookSecretMutation = { __typename?: 'Mutation', rotateWebhookSecret: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> } };

export type DeleteSiteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteSiteMutation = { __typename?: 'Mutation', deleteSite: string };

export type ClearBuildCacheMutationVariables = Exact<{
  siteId: Scalars['ID']['input'];
}>;


export type ClearBuildCacheMutation = { __typename?: 'Mutation', clearBuildCache: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> } };

export type GenerateDeployKeyMutationVariables = Exact<{
  siteId: Scalars['ID']['input'];
}>;


export type GenerateDeployKeyMutation = { __typename?: 'Mutation', generateDeployKey: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } };

export type SitesUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type SitesUpdatedSubscription = { __typename?: 'Subscription', siteUpdated: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, createdAt: string, updatedAt: string, team: { __typename?: 'Team', id: string }, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, createdAt: string }> } };

export type SiteUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SiteUpdatedSubscription = { __typename?: 'Subscription', siteUpdated: { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> } };

export type DeployUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeployUpdatedSubscription = { __typename?: 'Subscription', deployUpdated: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null } };

export type DeployLogSubscriptionVariables = Exact<{
  deployId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['Int']['input']>;
}>;


export type DeployLogSubscription = { __typename?: 'Subscription', deployLog: { __typename?: 'LogLine', seq: number, at: string, stream: LogStream, text: string } };

export type SiteRuntimeLogSubscriptionVariables = Exact<{
  siteId: Scalars['ID']['input'];
  tail?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SiteRuntimeLogSubscription = { __typename?: 'Subscription', siteRuntimeLog: { __typename?: 'LogLine', seq: number, at: string, stream: LogStream, text: string } };

export type SiteTrafficQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  from: Scalars['DateTime']['input'];
  interval?: InputMaybe<TrafficInterval>;
}>;


export type SiteTrafficQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, traffic: Array<{ __typename?: 'TrafficPoint', at: string, requests: number, bytes: number, status4xx: number, status5xx: number }> } | null };

export type SiteBuildTimesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SiteBuildTimesQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, startedAt?: string | null, finishedAt?: string | null }> } | null };

export type DeploySummaryFragment = { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null };

export type SiteSummaryFragment = { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, createdAt: string, updatedAt: string, team: { __typename?: 'Team', id: string }, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, createdAt: string }> };

export type SiteDetailFragment = { __typename?: 'Site', id: string, slug: string, name: string, status: SiteStatus, url: string, localUrl?: string | null, sourceType: SourceType, gitUrl?: string | null, branch?: string | null, buildCommand?: string | null, outputDir: string, spa: boolean, autoDeploy: boolean, branchDeploys: boolean, deployPreviews: boolean, buildCache: boolean, buildCacheBytes: number, domains: Array<string>, gitAuth: GitAuth, createdAt: string, updatedAt: string, webhookUrl?: string | null, webhookSecret?: string | null, kind: SiteKind, startCommand?: string | null, port?: number | null, healthCheckPath?: string | null, team: { __typename?: 'Team', id: string, viewerRole: Role }, envVars: Array<{ __typename?: 'EnvVar', name: string, value?: string | null, secret: boolean }>, deployKey?: { __typename?: 'DeployKey', publicKey: string, fingerprint: string, createdAt: string } | null, currentDeploy?: { __typename?: 'Deploy', id: string } | null, deploys: Array<{ __typename?: 'Deploy', id: string, number: number, status: DeployStatus, trigger: DeployTrigger, commitSha?: string | null, commitMessage?: string | null, error?: string | null, permalink: string, filesPrunedAt?: string | null, context: DeployContext, branch?: string | null, pullRequest?: number | null, url: string, createdAt: string, startedAt?: string | null, finishedAt?: string | null, sourceDeploy?: { __typename?: 'Deploy', id: string, number: number } | null }>, app?: { __typename?: 'AppStatus', state: AppState, restartCount: number } | null, webhookDeliveries: Array<{ __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null }> };

export type WebhookDeliveryFieldsFragment = { __typename?: 'WebhookDelivery', id: string, deliveryId?: string | null, event: string, outcome: string, reason?: string | null, receivedAt: string, deploy?: { __typename?: 'Deploy', id: string, number: number } | null };

export type LogLineFieldsFragment = { __typename?: 'LogLine', seq: number, at: string, stream: LogStream, text: string };

export type NotificationDeliveryFieldsFragment = { __typename?: 'NotificationDelivery', id: string, channelId: string, event: NotificationEvent, at: string, attempts: number, responseStatus?: number | null, ok: boolean, error?: string | null, test: boolean, nextAttemptAt?: string | null };

export type NotificationChannelFieldsFragment = { __typename?: 'NotificationChannel', id: string, kind: NotificationKind, target: string, events: Array<NotificationEvent>, enabled: boolean, secret?: string | null };

export type NotificationChannelsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NotificationChannelsQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, viewerRole: Role, notificationChannels: Array<{ __typename?: 'NotificationChannel', id: string, kind: NotificationKind, target: string, events: Array<NotificationEvent>, enabled: boolean, secret?: string | null }> } | null };

export type NotificationDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type NotificationDeliveriesQuery = { __typename?: 'Query', team?: { __typename?: 'Team', id: string, notificationChannels: Array<{ __typename?: 'NotificationChannel', id: string, deliveries: Array<{ __typename?: 'NotificationDelivery', id: string, channelId: string, event: NotificationEvent, at: string, attempts: number, responseStatus?: number | null, ok: boolean, error?: string | null, test: boolean, nextAttemptAt?: string | null }> }> } | null };

export type NotificationDeliveryUpdatedSubscriptionVariables = Exact<{
  teamId: Scalars['ID']['input'];
}>;


export type NotificationDeliveryUpdatedSubscription = { __typename?: 'Subscription', notificationDeliveryUpdated: { __typename?: 'NotificationDelivery', id: string, channelId: string, event: NotificationEvent, at: string, attempts: number, responseStatus?: number | null, ok: boolean, error?: string | null, test: boolean, nextAttemptAt?: string | null } };

export type CreateNotificationChannelMutationVariables = Exact<{
  teamId: Scalars['ID']['input'];
  input: NotificationChannelInput;
}>;


export type CreateNotificationChannelMutation = { __typename?: 'Mutation', createNotificationChannel: { __typename?: 'NotificationChannel', id: string, kind: NotificationKind, target: string, events: Array<NotificationEvent>, enabled: boolean, secret?: string | null } };

export type UpdateNotificationChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: NotificationChannelInput;
}>;


export type UpdateNotificationChannelMutation = { __typename?: 'Mutation', updateNotificationChannel: { __typename?: 'NotificationChannel', id: string, kind: NotificationKind, target: string, events: Array<NotificationEvent>, enabled: boolean, secret?: string | null } };

export type DeleteNotificationChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteNotificationChannelMutation = { __typename?: 'Mutation', deleteNotificationChannel: string };

export type TestNotificationChannelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TestNotificationChannelMutation = { __typename?: 'Mutation', testNotificationChannel: { __typename?: 'NotificationDelivery', id: string, channelId: string, event: NotificationEvent, at: string, attempts: number, responseStatus?: number | null, ok: boolean, error?: string | null, test: boolean, nextAttemptAt?: string | null } };

export type SiteHealthQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type SiteHealthQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, uptime?: number | null, week?: number | null, incidents: Array<{ __typename?: 'Incident', id: string, kind: IncidentKind, at: string, reason?: string | null }> } | null };

export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}}]} as unknown as DocumentNode<MemberFieldsFragment, unknown>;
export const SiteSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SiteSummaryFragment, unknown>;
export const DeploySummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeploySummaryFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveryFieldsFragment, unknown>;
export const SiteDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]} as unknown as DocumentNode<SiteDetailFragment, unknown>;
export const LogLineFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LogLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LogLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]} as unknown as DocumentNode<LogLineFieldsFragment, unknown>;
export const NotificationDeliveryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]} as unknown as DocumentNode<NotificationDeliveryFieldsFragment, unknown>;
export const NotificationChannelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]} as unknown as DocumentNode<NotificationChannelFieldsFragment, unknown>;
export const AuthProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<AuthProvidersQuery, AuthProvidersQueryVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitation"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"invitation"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitation"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const SetMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Role"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Member"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}}]} as unknown as DocumentNode<SetMemberRoleMutation, SetMemberRoleMutationVariables>;
export const InvitationOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitationOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitationOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"member"}}]}}]}}]} as unknown as DocumentNode<InvitationOfferQuery, InvitationOfferQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const TokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<TokensQuery, TokensQueryVariables>;
export const CreateApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TokenScope"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresInDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresInDays"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"token"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"targetType"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"current"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"next"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"current"},"value":{"kind":"Variable","name":{"kind":"Name","value":"current"}}},{"kind":"Argument","name":{"kind":"Name","value":"next"},"value":{"kind":"Variable","name":{"kind":"Name","value":"next"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOutEverywhere"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOutEverywhere"}}]}}]} as unknown as DocumentNode<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const PingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Ping"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]} as unknown as DocumentNode<PingQuery, PingQueryVariables>;
export const SitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SitesQuery, SitesQueryVariables>;
export const TeamSitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamSites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<TeamSitesQuery, TeamSitesQueryVariables>;
export const SiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Site"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]} as unknown as DocumentNode<SiteQuery, SiteQueryVariables>;
export const DeployDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Deploy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeployQuery, DeployQueryVariables>;
export const CreateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<CreateSiteMutation, CreateSiteMutationVariables>;
export const UpdateSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]} as unknown as DocumentNode<UpdateSiteMutation, UpdateSiteMutationVariables>;
export const DeploySiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeploySite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"File"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deploySite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeploySiteMutation, DeploySiteMutationVariables>;
export const CancelDeployDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelDeploy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDeploy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<CancelDeployMutation, CancelDeployMutationVariables>;
export const RollbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Rollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deployId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deployId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deployId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RollbackMutation, RollbackMutationVariables>;
export const RotateWebhookSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const DeleteSiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteSiteMutation, DeleteSiteMutationVariables>;
export const ClearBuildCacheDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearBuildCache"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearBuildCache"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]} as unknown as DocumentNode<ClearBuildCacheMutation, ClearBuildCacheMutationVariables>;
export const GenerateDeployKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateDeployKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateDeployKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<GenerateDeployKeyMutation, GenerateDeployKeyMutationVariables>;
export const SitesUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SitesUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SitesUpdatedSubscription, SitesUpdatedSubscriptionVariables>;
export const SiteUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SiteUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SiteDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebhookDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SiteDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Site"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"localUrl"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"gitUrl"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"buildCommand"}},{"kind":"Field","name":{"kind":"Name","value":"outputDir"}},{"kind":"Field","name":{"kind":"Name","value":"spa"}},{"kind":"Field","name":{"kind":"Name","value":"autoDeploy"}},{"kind":"Field","name":{"kind":"Name","value":"branchDeploys"}},{"kind":"Field","name":{"kind":"Name","value":"deployPreviews"}},{"kind":"Field","name":{"kind":"Name","value":"buildCache"}},{"kind":"Field","name":{"kind":"Name","value":"buildCacheBytes"}},{"kind":"Field","name":{"kind":"Name","value":"domains"}},{"kind":"Field","name":{"kind":"Name","value":"envVars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gitAuth"}},{"kind":"Field","name":{"kind":"Name","value":"deployKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"currentDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookUrl"}},{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"startCommand"}},{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"healthCheckPath"}},{"kind":"Field","name":{"kind":"Name","value":"app"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"restartCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebhookDeliveryFields"}}]}}]}}]} as unknown as DocumentNode<SiteUpdatedSubscription, SiteUpdatedSubscriptionVariables>;
export const DeployUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeployUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DeploySummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DeploySummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deploy"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"commitSha"}},{"kind":"Field","name":{"kind":"Name","value":"commitMessage"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"permalink"}},{"kind":"Field","name":{"kind":"Name","value":"filesPrunedAt"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"branch"}},{"kind":"Field","name":{"kind":"Name","value":"pullRequest"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sourceDeploy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<DeployUpdatedSubscription, DeployUpdatedSubscriptionVariables>;
export const DeployLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DeployLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deployId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deployLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deployId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deployId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LogLineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LogLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LogLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]} as unknown as DocumentNode<DeployLogSubscription, DeployLogSubscriptionVariables>;
export const SiteRuntimeLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"SiteRuntimeLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tail"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"siteRuntimeLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"siteId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"siteId"}}},{"kind":"Argument","name":{"kind":"Name","value":"tail"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tail"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"LogLineFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"LogLineFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LogLine"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]} as unknown as DocumentNode<SiteRuntimeLogSubscription, SiteRuntimeLogSubscriptionVariables>;
export const SiteTrafficDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteTraffic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TrafficInterval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"traffic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"status4xx"}},{"kind":"Field","name":{"kind":"Name","value":"status5xx"}}]}}]}}]}}]} as unknown as DocumentNode<SiteTrafficQuery, SiteTrafficQueryVariables>;
export const SiteBuildTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteBuildTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deploys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SiteBuildTimesQuery, SiteBuildTimesQueryVariables>;
export const NotificationChannelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationChannels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"notificationChannels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationChannelFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]} as unknown as DocumentNode<NotificationChannelsQuery, NotificationChannelsQueryVariables>;
export const NotificationDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notificationChannels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationDeliveryFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]} as unknown as DocumentNode<NotificationDeliveriesQuery, NotificationDeliveriesQueryVariables>;
export const NotificationDeliveryUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationDeliveryUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationDeliveryUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]} as unknown as DocumentNode<NotificationDeliveryUpdatedSubscription, NotificationDeliveryUpdatedSubscriptionVariables>;
export const CreateNotificationChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateNotificationChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNotificationChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationChannelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]} as unknown as DocumentNode<CreateNotificationChannelMutation, CreateNotificationChannelMutationVariables>;
export const UpdateNotificationChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotificationChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationChannelFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationChannelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationChannel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]} as unknown as DocumentNode<UpdateNotificationChannelMutation, UpdateNotificationChannelMutationVariables>;
export const DeleteNotificationChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteNotificationChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteNotificationChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteNotificationChannelMutation, DeleteNotificationChannelMutationVariables>;
export const TestNotificationChannelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestNotificationChannel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testNotificationChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationDeliveryFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationDeliveryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"test"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]} as unknown as DocumentNode<TestNotificationChannelMutation, TestNotificationChannelMutationVariables>;
export const SiteHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SiteHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"site"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uptime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"30"}}]},{"kind":"Field","alias":{"kind":"Name","value":"week"},"name":{"kind":"Name","value":"uptime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"7"}}]},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<SiteHealthQuery, SiteHealthQueryVariables>;