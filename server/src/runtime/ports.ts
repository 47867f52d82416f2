/**
 * The two ports through which the rest of Launchpad runs things: `BuildRunner` (stage 2, build) and
 * `SiteRuntime` (stage 4, route). `pipeline/` sees only these; a driver implements them (the single-host
 * Docker driver in runtime/docker/, a Swarm driver later) and is chosen in one place, app.ts.
 */
import type { EnvVar, LogStream } from '../domain/model.js';
import type { AccessRecord } from './access-log.js';

/** Where a driver writes what the user should read (the deploy log); `pipeline/log-sink.ts` satisfies it. */
export interface RuntimeLog {
  write(stream: LogStream, text: string): void;
  system(text: string): void;
}

export interface BuildLimits {
  memoryBytes?: number;
  nanoCpus?: number;
  pids?: number;
  /** Disk the build may fill: its checkout plus its container's own writable layer. */
  diskBytes?: number;
}

/** Where a build sees `BuildJob.toolsDir`: read-only, first on its PATH. */
export const BUILD_TOOLS_PATH = '/opt/launchpad/bin';

/** One build: the site's command run over its checkout in an isolated, throwaway container. */
export interface BuildJob {
  deployId: string;
  siteId: string;
  image: string;
  /** Host path of the checkout; the build sees it (read-write) as its working directory. */
  checkout: string;
  /** Host path of the site's build cache (issue 15), seen by this build only; none when the cache is off. */
  cacheDir?: string;
  /**
   * Host path of a folder of helper commands (issue 15: the build cache's `npm`), seen read-only by the
   * build at BUILD_TOOLS_PATH ahead of the image's PATH.
   */
  toolsDir?: string;
  command: string;
  /** The container's environment (secret values decrypted): the only place they go. */
  env: readonly EnvVar[];
  /** Strings the build's output must never show in the log (secrets/redact.ts redactionForms). */
  redact?: readonly string[];
  timeoutMs: number;
  limits?: BuildLimits;
  log: RuntimeLog;
  /** Aborting stops the build at once; the run then rejects. */
  signal: AbortSignal;
}

export interface BuildOutcome {
  exitCode: number;
  /** The build was killed for exceeding its memory limit. */
  oomKilled: boolean;
}

export interface BuildRunner {
  /**
   * Resolves once the command has exited and all of its output is in the log. Rejects with a DomainError
   * the user can act on (timeout, missing image) or, when `signal` aborted, with any error: callers check
   * the signal. Nothing of the build outlives the call.
   */
  run(job: BuildJob): Promise<BuildOutcome>;
  /**
   * Removes builds a crash of this instance left behind, only those of deploys `which` picks when given
   * (another control plane may still run the rest); returns how many.
   */
  removeStale(which?: (deployId: string) => boolean): Promise<number>;
}

/** What the runtime needs to know of a site to serve it. */
export interface SiteSpec {
  id: string;
  slug: string;
  /** Custom domains routed to the site besides `<slug>.<domain>`. */
  domains: readonly string[];
  /** Unknown paths get index.html. */
  spa: boolean;
  /** A SERVER site's app (issue 14); absent or null for a static site. */
  app?: AppSpec | null;
  /** Branch deploys or previews are on (issue 15): their hosts are routed to the site. */
  contexts?: boolean;
}

/**
 * What a SERVER site's app container runs (issue 14): `command` (`sh -c`, inside the container) in `image`
 * over the deploy's files, listening on `port` (also its PORT variable), healthy once `healthCheckPath`
 * answers 2xx or 3xx.
 */
export interface AppSpec {
  image: string;
  command: string;
  port: number;
  healthCheckPath: string;
  env: readonly EnvVar[];
}

/** How a server app's container is doing (Docker restarts a crashed app a few times, then gives up). */
export interface AppStatus {
  state: 'RUNNING' | 'RESTARTING' | 'CRASHED' | 'STOPPED' | 'MISSING';
  restartCount: number;
  /** Its last exit was the kernel's OOM killer (the app outgrew its memory limit). */
  oomKilled: boolean;
}

/** One line an app wrote to stdout or stderr. */
export interface AppLogLine {
  at: Date;
  stream: 'STDOUT' | 'STDERR';
  text: string;
}

/** A deploy to serve: its id (permalink host `<id>--<slug>`) and the folder holding its published files. */
export interface DeployFiles {
  id: string;
  files: string;
}

/** What `apply` made; handed back to `waitUntilServing`. */
export interface Applied {
  /** Loopback port on the host when ports are published (LAUNCHPAD_PUBLISH_PORTS), else null. */
  localPort: number | null;
  /** The runtime's name for what it checks for once serving (a config revision); opaque to callers. */
  revision: string;
  /** Whether a running server had to take a new configuration (rather than start with it or keep it). */
  reconfigured: boolean;
}

/** Where the control plane reaches a site's front door. */
export interface SiteEndpoint {
  /** Address on the sites network, reachable from the host and from the router; null when it has none. */
  ip: string | null;
  localPort: number | null;
}

/** A site the runtime serves (or keeps stopped) for this instance. */
export interface RuntimeSite {
  siteId: string;
  slug: string;
  running: boolean;
  /** The runtime's id of the server (a container id); a replaced server has a new one. */
  serverId?: string;
}

export interface SiteRuntime {
  /** Creates what all sites share (the sites network); safe to call any number of times. */
  prepare(): Promise<void>;
  /**
   * Makes the site serve `deploy` (its `_redirects`, `_headers`, 404 page, the SPA setting; its permalink
   * host keeps these), starting the site's server when it is missing. All or nothing: when it rejects,
   * with a DomainError naming the reason where the user can act on it, what served before still serves
   * and nothing of the attempt is left behind. Does not change which files `current` holds.
   */
  apply(site: SiteSpec, deploy: DeployFiles, log: RuntimeLog): Promise<Applied>;
  /**
   * Serves a BRANCH or PREVIEW deploy (issue 15) at `<label>.<domain>` with its own `_redirects`, `_headers`
   * and 404 page, like a permalink; the site's hosts keep serving `current` (its files, or none yet), which
   * `apply` would serve. All or nothing, like `apply`; wait for it with `waitUntilServing`.
   */
  applyContext(
    site: SiteSpec,
    current: DeployFiles | null,
    deploy: DeployFiles,
    label: string,
    log: RuntimeLog,
  ): Promise<Applied>;
  /** Stops serving `<label>.<domain>`: the host answers 404 from now on. Nothing served there is no error. */
  removeContext(site: SiteSpec, label: string): Promise<void>;
  /** Waits until what `apply` made answers requests; returns why it could not confirm that, or null. */
  waitUntilServing(site: SiteSpec, applied: Applied): Promise<string | null>;
  /** Drops what the runtime keeps for deploys whose files are gone (their permalinks). */
  forget(site: SiteSpec, deployIds: readonly string[]): Promise<void>;
  /** Stops serving the site and removes its server. A site the runtime does not serve is no error. */
  remove(slug: string): Promise<void>;
  endpoint(slug: string): Promise<SiteEndpoint>;
  /** Every site this instance has a server for, running or not. */
  list(): Promise<RuntimeSite[]>;
  /**
   * After a restart: removes servers of sites that no longer exist and makes each site in `serve` run
   * (with the configuration it had). Sites in `known` but not in `serve` are left as they are.
   */
  reconcile(known: readonly string[], serve: readonly SiteSpec[]): Promise<Map<string, SiteEndpoint>>;
  /** Whether the engine behind the runtime answers (for /healthz and start-up). */
  ping(): Promise<boolean>;
  /**
   * After a crash: drops what the runtime keeps for every deploy of the site not in `deployIds` (permalinks
   * of deploys that never went live). Returns the ids it dropped something for.
   */
  retain(site: SiteSpec, deployIds: readonly string[]): Promise<string[]>;
  /**
   * Starts the site's server again as it was configured (after it died or was removed behind Launchpad's
   * back), creating it when it is gone. Rejects when it cannot be started.
   */
  revive(site: SiteSpec): Promise<SiteEndpoint>;
  /**
   * Reports the site servers' real state as it changes (one event stream per runtime, shared by every
   * listener). Servers the runtime itself removes are not reported; one it replaces (a settings change) is, so
   * a listener compares `serverId` with `list()`. Returns the unsubscribe.
   */
  watch(listener: (event: SiteRuntimeEvent) => void): () => void;

  // Server apps (issue 14). For a static site these do nothing.
  /**
   * Once `deployId` is live: what served the site before it (a server site's previous app) finishes its
   * in-flight requests and stops. Never fails the deploy; returns what it could not clean up, or null.
   */
  settle(site: SiteSpec, deployId: string): Promise<string | null>;
  /**
   * After a restart: each server site's current app runs again (from `deploy`'s files) and every other app
   * container of this instance is removed. With `sites` (ids), only apps of those sites are touched.
   */
  reconcileApps(
    current: readonly { site: SiteSpec; deploy: DeployFiles }[],
    scope?: { sites: readonly string[] },
  ): Promise<void>;
  /** The state of the app container of `deployId`. */
  appStatus(slug: string, deployId: string): Promise<AppStatus>;
  /** The last `tail` lines of the app serving `deployId`, then (with `follow`) its new lines as they come. */
  appLog(
    slug: string,
    deployId: string,
    opts: { tail: number; follow: boolean },
  ): AsyncIterableIterator<AppLogLine>;
}

/**
 * A change of a site server's state that Launchpad did not make: `down` (it stopped: crashed, was killed or
 * removed), `up` (it runs again). `resync`: the stream (re)connected and events may have been missed before
 * it, so a listener compares what should run with `list()`.
 */
export type SiteRuntimeEvent =
  | { kind: 'down' | 'up'; siteId: string; slug: string; serverId: string; reason: string; at: Date }
  | { kind: 'resync'; at: Date }
  /** A server app container stopped (its restart policy may still start it) or was removed. */
  | { kind: 'app-down'; siteId: string; slug: string; deployId: string; reason: string; at: Date };

/**
 * Per-site access logs (issue 13): files the site servers append one line per request to, read by the
 * control plane (traffic/collector.ts) at offsets it keeps in the database. A file is identified by `key`,
 * which a rotation (rename) keeps, so an offset stays valid whatever the file is called now.
 */
export interface AccessLogFile {
  siteId: string;
  /** Stable identity of the file (device and inode). */
  key: string;
  size: number;
  /** Renamed away by `rotate`: the server writes a new file now (once it has reopened its log). */
  rotated: boolean;
  /** When it was last written. */
  modifiedAt: Date;
}

export interface AccessLogSource {
  /** Every site's access-log files, the rotated one (if any) before the current one. */
  files(): Promise<AccessLogFile[]>;
  /**
   * The complete lines from `offset`, at most about `maxBytes` of them, and the offset after the last one.
   * Lines that are not this format's are skipped (and counted).
   */
  read(
    file: AccessLogFile,
    offset: number,
    maxBytes: number,
  ): Promise<{ records: AccessRecord[]; end: number; skipped: number }>;
  /** Moves the current file aside and makes the site's server start a new one. */
  rotate(file: AccessLogFile): Promise<void>;
  /** Deletes a rotated file that has been read to its end. */
  remove(file: AccessLogFile): Promise<void>;
  /** Deletes the log folder of a site that no longer exists. */
  removeSite(siteId: string): Promise<void>;
}
