/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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
  File: { input: null; output: null; }
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

export type CliViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type CliViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', user?: { __typename?: 'User', email: string } | null, teams: Array<{ __typename?: 'Team', id: string, slug: string, name: string, viewerRole: Role }> } };

export type CliSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type CliSitesQuery = { __typename?: 'Query', sites: Array<{ __typename?: 'Site', id: string, slug: string, name: string, sourceType: SourceType, status: SiteStatus, url: string, currentDeploy?: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus } | null }> };

export type CliSiteBySlugQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type CliSiteBySlugQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, slug: string, name: string, sourceType: SourceType, url: string } | null };

export type CliSiteByIdQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliSiteByIdQuery = { __typename?: 'Query', site?: { __typename?: 'Site', id: string, slug: string, name: string, sourceType: SourceType, url: string } | null };

export type CliCreateSiteMutationVariables = Exact<{
  input: CreateSiteInput;
}>;


export type CliCreateSiteMutation = { __typename?: 'Mutation', createSite: { __typename?: 'Site', id: string, slug: string, name: string, sourceType: SourceType, url: string } };

export type CliCreateDigestDeployMutationVariables = Exact<{
  siteId: Scalars['ID']['input'];
  files: Array<DeployFileInput> | DeployFileInput;
}>;


export type CliCreateDigestDeployMutation = { __typename?: 'Mutation', createDigestDeploy: { __typename?: 'DigestDeploy', required: Array<string>, deploy: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus } } };

export type CliUploadDeployFilesMutationVariables = Exact<{
  deployId: Scalars['ID']['input'];
  files: Array<Scalars['File']['input']> | Scalars['File']['input'];
}>;


export type CliUploadDeployFilesMutation = { __typename?: 'Mutation', uploadDeployFiles: { __typename?: 'DigestDeploy', required: Array<string>, deploy: { __typename?: 'Deploy', id: string, status: DeployStatus } } };

export type CliDeployStateQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliDeployStateQuery = { __typename?: 'Query', deploy?: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, error?: string | null, url: string, permalink: string, site: { __typename?: 'Site', id: string } } | null };

export type CliDeployUpdatedSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliDeployUpdatedSubscription = { __typename?: 'Subscription', deployUpdated: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, error?: string | null, url: string, permalink: string, site: { __typename?: 'Site', id: string } } };

export type CliDeployLogsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CliDeployLogsQuery = { __typename?: 'Query', deploy?: { __typename?: 'Deploy', id: string, logs: Array<{ __typename?: 'LogLine', seq: number, at: string, stream: LogStream, text: string }> } | null };

export type CliDeployLogSubscriptionVariables = Exact<{
  deployId: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['Int']['input']>;
}>;


export type CliDeployLogSubscription = { __typename?: 'Subscription', deployLog: { __typename?: 'LogLine', seq: number, at: string, stream: LogStream, text: string } };

export type CliRollbackMutationVariables = Exact<{
  deployId: Scalars['ID']['input'];
}>;


export type CliRollbackMutation = { __typename?: 'Mutation', rollback: { __typename?: 'Deploy', id: string, number: number, status: DeployStatus, url: string, permalink: string, site: { __typename?: 'Site', id: string, slug: string } } };

export type CliCancelDeployMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliCancelDeployMutation = { __typename?: 'Mutation', cancelDeploy: { __typename?: 'Deploy', id: string, status: DeployStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CliViewerDocument = new TypedDocumentString(`
    query CliViewer {
  viewer {
    user {
      email
    }
    teams {
      id
      slug
      name
      viewerRole
    }
  }
}
    `) as unknown as TypedDocumentString<CliViewerQuery, CliViewerQueryVariables>;
export const CliSitesDocument = new TypedDocumentString(`
    query CliSites {
  sites {
    id
    slug
    name
    sourceType
    status
    url
    currentDeploy {
      id
      number
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CliSitesQuery, CliSitesQueryVariables>;
export const CliSiteBySlugDocument = new TypedDocumentString(`
    query CliSiteBySlug($slug: String!) {
  site(slug: $slug) {
    id
    slug
    name
    sourceType
    url
  }
}
    `) as unknown as TypedDocumentString<CliSiteBySlugQuery, CliSiteBySlugQueryVariables>;
export const CliSiteByIdDocument = new TypedDocumentString(`
    query CliSiteById($id: ID!) {
  site(id: $id) {
    id
    slug
    name
    sourceType
    url
  }
}
    `) as unknown as TypedDocumentString<CliSiteByIdQuery, CliSiteByIdQueryVariables>;
export const CliCreateSiteDocument = new TypedDocumentString(`
    mutation CliCreateSite($input: CreateSiteInput!) {
  createSite(input: $input) {
    id
    slug
    name
    sourceType
    url
  }
}
    `) as unknown as TypedDocumentString<CliCreateSiteMutation, CliCreateSiteMutationVariables>;
export const CliCreateDigestDeployDocument = new TypedDocumentString(`
    mutation CliCreateDigestDeploy($siteId: ID!, $files: [DeployFileInput!]!) {
  createDigestDeploy(siteId: $siteId, files: $files) {
    required
    deploy {
      id
      number
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CliCreateDigestDeployMutation, CliCreateDigestDeployMutationVariables>;
export const CliUploadDeployFilesDocument = new TypedDocumentString(`
    mutation CliUploadDeployFiles($deployId: ID!, $files: [File!]!) {
  uploadDeployFiles(deployId: $deployId, files: $files) {
    required
    deploy {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<CliUploadDeployFilesMutation, CliUploadDeployFilesMutationVariables>;
export const CliDeployStateDocument = new TypedDocumentString(`
    query CliDeployState($id: ID!) {
  deploy(id: $id) {
    id
    number
    status
    error
    url
    permalink
    site {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CliDeployStateQuery, CliDeployStateQueryVariables>;
export const CliDeployUpdatedDocument = new TypedDocumentString(`
    subscription CliDeployUpdated($id: ID!) {
  deployUpdated(id: $id) {
    id
    number
    status
    error
    url
    permalink
    site {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CliDeployUpdatedSubscription, CliDeployUpdatedSubscriptionVariables>;
export const CliDeployLogsDocument = new TypedDocumentString(`
    query CliDeployLogs($id: ID!, $after: Int, $first: Int) {
  deploy(id: $id) {
    id
    logs(after: $after, first: $first) {
      seq
      at
      stream
      text
    }
  }
}
    `) as unknown as TypedDocumentString<CliDeployLogsQuery, CliDeployLogsQueryVariables>;
export const CliDeployLogDocument = new TypedDocumentString(`
    subscription CliDeployLog($deployId: ID!, $after: Int) {
  deployLog(deployId: $deployId, after: $after) {
    seq
    at
    stream
    text
  }
}
    `) as unknown as TypedDocumentString<CliDeployLogSubscription, CliDeployLogSubscriptionVariables>;
export const CliRollbackDocument = new TypedDocumentString(`
    mutation CliRollback($deployId: ID!) {
  rollback(deployId: $deployId) {
    id
    number
    status
    url
    permalink
    site {
      id
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<CliRollbackMutation, CliRollbackMutationVariables>;
export const CliCancelDeployDocument = new TypedDocumentString(`
    mutation CliCancelDeploy($id: ID!) {
  cancelDeploy(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CliCancelDeployMutation, CliCancelDeployMutationVariables>;