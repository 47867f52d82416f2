import { isAbsolute, resolve } from 'node:path';
import { type OidcProviderSettings, OidcSettingsError, readOidcProviders } from './auth/oidc/settings.js';
import { parseKey } from './secrets/master-key.js';

/** Launchpad's configuration, read once from the environment at start (names fixed by api.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string; // absolute: site containers bind-mount paths below it
  domain: string;
  publicUrl: string | null; // null: derived from the listening address once it is known
  adminToken: string | null; // null: generated on first start and stored in the data dir
  dockerHost: string | null;
  network: string;
  staticImage: string;
  buildImage: string;
  buildConcurrency: number;
  buildTimeoutSeconds: number;
  gitSchemes: readonly string[];
  publishPorts: boolean;
  keepDeploys: number;
  /** Issue 17: restarts of a site container that died without Launchpad stopping it, before giving up. */
  siteRestarts: number;
  maxUploadBytes: number;
  maxUncompressedBytes: number;
  maxFiles: number;
  /** Disk one clone may take, git data and work tree (LAUNCHPAD_MAX_CLONE_MB). */
  maxCloneBytes: number;
  /** Disk one build may use, checkout and container layer (LAUNCHPAD_BUILD_DISK_MB). */
  buildDiskBytes: number;
  /** LAUNCHPAD_BUILD_CACHE (issue 15): false turns every site's build cache off. */
  buildCache: boolean;
  /** Docker network builds run on (LAUNCHPAD_BUILD_NETWORK); firewalled from the host by the control plane. */
  buildNetwork: string;
  https: boolean;
  acmeEmail: string | null;
  /** OpenID Connect sign-in (issue 11): LAUNCHPAD_OIDC_PROVIDERS and LAUNCHPAD_OIDC_<NAME>_*. */
  oidcProviders: OidcProviderSettings[];
  /** LAUNCHPAD_SECRET_KEY: base64 of the 32-byte master key; null: `<data>/secret.key` (generated). */
  secretKey: string | null;
  /** How long a new server app may take to pass its health check (LAUNCHPAD_APP_HEALTH_TIMEOUT, seconds). */
  appHealthTimeoutSeconds: number;
  // Accounts (issue 11)
  /** Who may sign up (LAUNCHPAD_SIGNUP): `invite` only the first user and invitees, `open` anyone. */
  signup: 'invite' | 'open';
  /** smtp(s)://user:pass@host:port for invitation e-mail (LAUNCHPAD_SMTP_URL); null: links are only shown. */
  smtpUrl: string | null;
  /** Sender of Launchpad's e-mail (LAUNCHPAD_SMTP_FROM). */
  smtpFrom: string;
  // Notifications (issue 13)
  /** Wait before a failed notification's second attempt; three times longer each time (LAUNCHPAD_NOTIFY_RETRY_MS). */
  notifyRetryMs: number;
  /** Attempts before a notification delivery is FAILED (LAUNCHPAD_NOTIFY_ATTEMPTS, at least 3). */
  notifyAttempts: number;
  /** Deadline of one outgoing webhook / Slack request (LAUNCHPAD_NOTIFY_TIMEOUT, seconds). */
  notifyTimeoutSeconds: number;
  // Observability (issue 13)
  /** Bearer token for `GET /metrics` (LAUNCHPAD_METRICS_TOKEN); null: only the admin or an ADMIN API token. */
  metricsToken: string | null;
  /** How often site access logs are read into the traffic tables (LAUNCHPAD_TRAFFIC_INTERVAL, seconds). */
  trafficIntervalSeconds: number;
  // Deploy workflow (issue 15)
  /** A digest deploy that receives no upload for this long is cancelled (LAUNCHPAD_UPLOAD_TIMEOUT, minutes). */
  uploadTimeoutMinutes: number;
  // Scale-out (issue 16)
  /** PostgreSQL to keep state in (LAUNCHPAD_DATABASE_URL, postgres://…); null: SQLite in `<data>/launchpad.db`. */
  databaseUrl: string | null;
  /** LAUNCHPAD_RUNTIME: `docker` (sites on one engine) or `swarm` (sites as Swarm services). */
  runtime: 'docker' | 'swarm';
  /** LAUNCHPAD_REGISTRY (`host:port`): where the Swarm runtime pushes site images; required with `swarm`. */
  registry: string | null;
  /** LAUNCHPAD_SWARM_DRAIN (seconds): a replaced site task keeps serving this long before nginx quits. */
  swarmDrainSeconds: number;
  /**
   * LAUNCHPAD_LEASE_SECONDS: on PostgreSQL, a deploy's claim holds this long unless its control plane
   * renews it; past it, another replica recovers the deploy.
   */
  leaseSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const MiB = 1024 * 1024;

/** Reads and validates every variable; the first bad one throws a ConfigError that names it. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const read = reader(env);
  const dataDir = read.string('LAUNCHPAD_DATA', './data');
  const acmeEmail = read.optional('LAUNCHPAD_ACME_EMAIL');
  if (acmeEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(acmeEmail)) {
    throw new ConfigError('LAUNCHPAD_ACME_EMAIL', `"${acmeEmail}" is not an email address`);
  }
  const config: Config = {
    port: read.int('LAUNCHPAD_PORT', 8080, 0, 65535),
    host: read.string('LAUNCHPAD_HOST', '127.0.0.1'),
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    domain: read.match('LAUNCHPAD_DOMAIN', 'localhost', DOMAIN, 'a DNS name such as example.com'),
    publicUrl: read.url('LAUNCHPAD_PUBLIC_URL'),
    adminToken: read.optional('LAUNCHPAD_ADMIN_TOKEN'),
    dockerHost: read.optional('LAUNCHPAD_DOCKER_HOST'),
    network: read.match('LAUNCHPAD_NETWORK', 'launchpad', DOCKER_NAME, 'a Docker network name'),
    staticImage: read.match('LAUNCHPAD_STATIC_IMAGE', 'nginx:alpine', IMAGE, 'an image reference'),
    buildImage: read.match('LAUNCHPAD_BUILD_IMAGE', 'node:20-alpine', IMAGE, 'an image reference'),
    buildConcurrency: read.int('LAUNCHPAD_BUILD_CONCURRENCY', 2, 1, 64),
    buildTimeoutSeconds: read.int('LAUNCHPAD_BUILD_TIMEOUT', 900, 1, 24 * 3600),
    gitSchemes: read.list('LAUNCHPAD_GIT_SCHEMES', ['https'], GIT_SCHEMES),
    publishPorts: read.bool('LAUNCHPAD_PUBLISH_PORTS', false),
    keepDeploys: read.int('LAUNCHPAD_KEEP_DEPLOYS', 10, 1, 1000),
    siteRestarts: read.int('LAUNCHPAD_SITE_RESTARTS', 5, 0, 1000),
    maxUploadBytes: read.int('LAUNCHPAD_MAX_UPLOAD_MB', 100, 1, 10_240) * MiB,
    maxUncompressedBytes: read.int('LAUNCHPAD_MAX_SITE_MB', 500, 1, 102_400) * MiB,
    maxFiles: read.int('LAUNCHPAD_MAX_FILES', 20_000, 1, 1_000_000),
    maxCloneBytes: read.int('LAUNCHPAD_MAX_CLONE_MB', 500, 1, 102_400) * MiB,
    buildDiskBytes: read.int('LAUNCHPAD_BUILD_DISK_MB', 4096, 16, 1_048_576) * MiB,
    buildCache: read.bool('LAUNCHPAD_BUILD_CACHE', true),
    buildNetwork: read.match(
      'LAUNCHPAD_BUILD_NETWORK',
      'launchpad-builds',
      DOCKER_NAME,
      'a Docker network name',
    ),
    https: acmeEmail !== null || read.bool('LAUNCHPAD_HTTPS', false),
    acmeEmail,
    oidcProviders: oidcProviders(env),
    secretKey: read.optional('LAUNCHPAD_SECRET_KEY'),
    appHealthTimeoutSeconds: read.int('LAUNCHPAD_APP_HEALTH_TIMEOUT', 60, 1, 3600),
    signup: read.match('LAUNCHPAD_SIGNUP', 'invite', /^(invite|open)$/, 'invite or open') as
      | 'invite'
      | 'open',
    smtpUrl: smtpUrl(read.optional('LAUNCHPAD_SMTP_URL')),
    smtpFrom: read.string('LAUNCHPAD_SMTP_FROM', 'Launchpad <launchpad@localhost>'),
    // Notifications (issue 13)
    notifyRetryMs: read.int('LAUNCHPAD_NOTIFY_RETRY_MS', 10_000, 10, 3_600_000),
    notifyAttempts: read.int('LAUNCHPAD_NOTIFY_ATTEMPTS', 6, 3, 20),
    notifyTimeoutSeconds: read.int('LAUNCHPAD_NOTIFY_TIMEOUT', 10, 1, 120),
    metricsToken: read.optional('LAUNCHPAD_METRICS_TOKEN'),
    trafficIntervalSeconds: read.int('LAUNCHPAD_TRAFFIC_INTERVAL', 60, 1, 3600),
    uploadTimeoutMinutes: read.int('LAUNCHPAD_UPLOAD_TIMEOUT', 60, 1, 7 * 24 * 60),
    // Scale-out (issue 16)
    databaseUrl: databaseUrl(read.optional('LAUNCHPAD_DATABASE_URL')),
    runtime: read.match('LAUNCHPAD_RUNTIME', 'docker', /^(docker|swarm)$/, 'docker or swarm') as
      | 'docker'
      | 'swarm',
    registry: read.optional('LAUNCHPAD_REGISTRY'),
    swarmDrainSeconds: read.int('LAUNCHPAD_SWARM_DRAIN', 10, 0, 600),
    leaseSeconds: read.int('LAUNCHPAD_LEASE_SECONDS', 30, 3, 3600),
  };
  if (config.registry !== null && !REGISTRY.test(config.registry)) {
    throw new ConfigError(
      'LAUNCHPAD_REGISTRY',
      `"${config.registry}" is not a registry address such as registry.example.com:5000`,
    );
  }
  if (config.runtime === 'swarm' && config.registry === null) {
    // Every node pulls a site's image from it: without one, no task could start anywhere but here.
    throw new ConfigError(
      'LAUNCHPAD_REGISTRY',
      'is required with LAUNCHPAD_RUNTIME=swarm: set it to the host:port of a registry every Swarm node can pull from',
    );
  }
  if (config.secretKey !== null && parseKey(config.secretKey) === null) {
    // The value itself is never repeated: it is (meant to be) a secret.
    throw new ConfigError(
      'LAUNCHPAD_SECRET_KEY',
      'must be the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)',
    );
  }
  if (config.adminToken !== null && config.adminToken.length < 16) {
    throw new ConfigError('LAUNCHPAD_ADMIN_TOKEN', 'must be at least 16 characters');
  }
  if (config.metricsToken !== null && config.metricsToken.length < 16) {
    throw new ConfigError('LAUNCHPAD_METRICS_TOKEN', 'must be at least 16 characters');
  }
  return config;
}

function oidcProviders(env: Env): OidcProviderSettings[] {
  try {
    return readOidcProviders(env);
  } catch (err) {
    if (err instanceof OidcSettingsError) throw new ConfigError(err.variable, err.detail);
    throw err;
  }
}

/** Only an smtp:// or smtps:// URL; the message never repeats the value (it may hold a password). */
function smtpUrl(value: string | null): string | null {
  if (value === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError('LAUNCHPAD_SMTP_URL', 'must be smtp://user:pass@host:port or smtps://…');
  }
  return value;
}

/** A PostgreSQL URL (the only server database); the value is never repeated in the error: it holds a password. */
function databaseUrl(value: string | null): string | null {
  if (value === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
    throw new ConfigError(
      'LAUNCHPAD_DATABASE_URL',
      'must be postgres://user:password@host:port/database (leave it unset for SQLite in the data dir)',
    );
  }
  return value;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
/** `host[:port]` of a registry, without scheme or path (an image name's first component). */
const REGISTRY = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const IMAGE = /^[a-z0-9]+([._/:@-][a-zA-Z0-9_.-]+)*$/;
// `file`, `ext` and local paths are never allowed: they read the host or run commands (git-remote-ext).
const GIT_SCHEMES = ['https', 'http', 'git', 'ssh'] as const;

function reader(env: Env) {
  const raw = (name: string): string | null => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? null : v.trim();
  };
  return {
    optional: raw,
    string: (name: string, fallback: string) => raw(name) ?? fallback,
    match(name: string, fallback: string, pattern: RegExp, what: string): string {
      const v = raw(name) ?? fallback;
      if (!pattern.test(v)) throw new ConfigError(name, `"${v}" is not ${what}`);
      return v;
    },
    int(name: string, fallback: number, min: number, max: number): number {
      const v = raw(name);
      if (v === null) return fallback;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        throw new ConfigError(name, `"${v}" must be a whole number from ${min} to ${max}`);
      }
      return Number(v);
    },
    bool(name: string, fallback: boolean): boolean {
      const v = raw(name)?.toLowerCase();
      if (v === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      throw new ConfigError(name, `"${v}" must be true or false`);
    },
    url(name: string): string | null {
      const v = raw(name);
      if (v === null) return null;
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        throw new ConfigError(name, `"${v}" is not a URL`);
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(name, 'must be http(s)');
      return v.replace(/\/+$/, '');
    },
    list(name: string, fallback: string[], allowed: readonly string[]): string[] {
      const v = raw(name);
      if (v === null) return fallback;
      const items = v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const bad = items.find((s) => !allowed.includes(s));
      if (bad !== undefined || items.length === 0) {
        throw new ConfigError(name, `"${bad ?? v}" is not one of ${allowed.join(', ')}`);
      }
      return items;
    },
  };
}
