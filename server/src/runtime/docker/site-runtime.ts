import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { ensureImage } from '../images.js';
import { PERMALINK_CONFIG_DIR } from '../nginx-config.js';
import type {
  AppLogLine,
  Applied,
  AppSpec,
  AppStatus,
  DeployFiles,
  RuntimeLog,
  RuntimeSite,
  SiteEndpoint,
  SiteRuntime,
  SiteRuntimeEvent,
  SiteSpec,
} from '../ports.js';
import {
  type SiteContainerSpec,
  SiteContainers,
  type SiteContainersOptions,
  siteContainerName,
} from '../site-containers.js';
import { AppContainers, appContainerName } from './app-containers.js';
import { waitHealthy } from './app-health.js';
import { appLogLines } from './app-logs.js';
import { AppUnhealthyError, drainOldWorkers } from './app-rollout.js';
import { ConfigChange } from './config-folder.js';
import { ContainerEvents } from './container-watch.js';
import { checkNginxConfig, removeStaleConfigChecks } from './nginx-check.js';
import { waitUntilServing } from './serving-probe.js';
import {
  type ContextHosts,
  contextConfig,
  MAIN_CONFIG,
  permalinkConfig,
  renderAppConfig,
  renderContextConfig,
  renderSiteConfig,
} from './site-config.js';

export interface DockerSiteRuntimeOptions extends SiteContainersOptions {
  /** Host path of a site's folder (`sites/<slug>`: `current`, `deploys/`); the driver keeps `nginx/` in it. */
  siteDir(slug: string): string;
  /** Host folder of the sites' access-log folders (issue 13), `<root>/<siteId>/`: see AccessLogFiles. */
  trafficRoot: string;
  /** LAUNCHPAD_APP_HEALTH_TIMEOUT: how long a new server app may take to answer its health check. */
  appHealthTimeoutMs?: number;
}

const DEFAULT_APP_HEALTH_TIMEOUT_MS = 60_000;
/** An old app gets this long after SIGTERM to finish before it is killed. */
const APP_STOP_GRACE_SECONDS = 10;

/**
 * The single-host Docker driver's SiteRuntime: one nginx container per site (runtime/site-containers.ts)
 * serving `sites/<slug>/current` and each deploy's permalink, configured by files in `sites/<slug>/nginx/`
 * (mounted at /etc/nginx/conf.d). A config is tested with `nginx -t` before it replaces the live one and
 * goes live by a graceful reload; content changes are the pipeline's `current` swap and touch nothing here.
 */
export class DockerSiteRuntime implements SiteRuntime {
  private readonly containers: SiteContainers;
  /** Sites whose server this runtime removed (deleted, retired): never revived until served again. */
  private readonly retired = new Set<string>();
  private readonly events: ContainerEvents;
  private readonly apps: AppContainers;

  constructor(
    private readonly docker: Docker,
    private readonly opts: DockerSiteRuntimeOptions,
  ) {
    this.containers = new SiteContainers(docker, opts);
    this.events = new ContainerEvents(docker, opts.instanceId, (slug) => this.retired.has(slug));
    this.apps = new AppContainers(docker, opts);
  }

  async prepare(): Promise<void> {
    await this.containers.ensureNetwork();
  }

  async apply(site: SiteSpec, deploy: DeployFiles, log: RuntimeLog): Promise<Applied> {
    if (site.app) return this.applyApp(site, site.app, deploy, log);
    const rendered = await renderSiteConfig(site, deploy, log, this.contextHosts(site));
    const dir = this.nginxDir(site.slug);
    // Files a config names land before it: Basic-Auth user files, then the deploy's own file (the reload
    // that loads default.conf must find it), then default.conf.
    const change = await ConfigChange.plan(dir, [
      ...rendered.auth,
      [permalinkConfig(deploy.id), rendered.permalink],
      [MAIN_CONFIG, rendered.main],
    ]);
    if (!change.empty && !(await this.knownGood(site.slug, deploy.id, change, rendered.permalink)))
      await this.check(site, change);
    const { endpoint, reconfigured } = await this.serve(site, change, log);
    log.system(`container running (${endpoint.containerId.slice(0, 12)})`);
    return { localPort: endpoint.localPort, revision: rendered.probeHost, reconfigured };
  }

  /** Commits a checked config change and has the site's container serve it, or puts the folder back. */
  private async serve(site: SiteSpec, change: ConfigChange, log: RuntimeLog) {
    try {
      await change.commit();
      this.retired.delete(site.slug);
      const endpoint = await this.containers.ensure(this.containerSpec(site));
      // A container that started just now read the folder as it is; one already running needs a reload.
      const reconfigured = !endpoint.started && change.changes(MAIN_CONFIG);
      if (reconfigured) {
        await this.containers.reload(site.slug);
        log.system('server config updated');
      }
      return { endpoint, reconfigured };
    } catch (err) {
      // nginx still runs what it ran before (a failed reload keeps the old workers): so must the folder.
      await change.restore();
      throw err;
    }
  }

  async applyContext(
    site: SiteSpec,
    current: DeployFiles | null,
    deploy: DeployFiles,
    label: string,
    log: RuntimeLog,
  ): Promise<Applied> {
    if (site.app) throw new ContextUnsupportedError();
    const rendered = await renderContextConfig(site, current, deploy, label, this.contextHosts(site), log);
    const change = await ConfigChange.plan(this.nginxDir(site.slug), [
      ...rendered.auth,
      [permalinkConfig(deploy.id), rendered.permalink],
      [contextConfig(label), rendered.context],
      [MAIN_CONFIG, rendered.main],
    ]);
    if (!change.empty) await this.check(site, change);
    const { endpoint, reconfigured } = await this.serve(site, change, log);
    return { localPort: endpoint.localPort, revision: rendered.probeHost, reconfigured };
  }

  /** With a reload, so the host falls to default.conf's 404 server at once (not only once its files go). */
  async removeContext(site: SiteSpec, label: string): Promise<void> {
    const file = join(this.nginxDir(site.slug), contextConfig(label));
    if (!(await stat(file).catch(() => null))) return;
    await rm(file, { force: true });
    await this.containers.reload(site.slug).catch((err: Error) => {
      // A stopped container loads the folder as it is when it starts again.
      console.warn(`site ${site.slug}: nginx not reloaded after removing ${label}: ${err.message}`);
    });
  }

  async waitUntilServing(site: SiteSpec, applied: Applied): Promise<string | null> {
    const { ip } = await this.containers.endpoint(site.slug);
    return waitUntilServing(ip, applied.revision, applied.reconfigured);
  }

  /**
   * Without a reload: until the next activation reloads nginx, the loaded server block of a forgotten
   * permalink points at a folder that is gone and answers 404, as a permalink of a pruned deploy should.
   */
  async forget(site: SiteSpec, deployIds: readonly string[]): Promise<void> {
    for (const id of deployIds) {
      await rm(join(this.nginxDir(site.slug), permalinkConfig(id)), { force: true });
      if (site.app) await this.apps.remove(appContainerName(site.slug, id));
    }
  }

  async remove(slug: string): Promise<void> {
    // Before the container goes: its `die` event must already find it retired.
    this.retired.add(slug);
    await this.containers.remove(slug);
    for (const app of await this.apps.list()) if (app.slug === slug) await this.apps.remove(app.name);
  }

  async retain(site: SiteSpec, deployIds: readonly string[]): Promise<string[]> {
    const keep = new Set(deployIds);
    const dir = join(this.nginxDir(site.slug), PERMALINK_CONFIG_DIR);
    const doomed = (await readdir(dir).catch(() => [] as string[]))
      .map((f) => /^([0-9a-f]{24})\.conf$/.exec(f)?.[1])
      .filter((id): id is string => !!id && !keep.has(id));
    await this.forget(site, doomed);
    return doomed;
  }

  /** The container as it was configured (its spec label keeps it unless the site's settings changed). */
  async revive(site: SiteSpec): Promise<SiteEndpoint> {
    if (this.retired.has(site.slug)) throw new Error(`site ${site.slug} was removed; it is not revived`);
    const { ip, localPort } = await this.containers.ensure(this.containerSpec(site));
    // Removed while it was being started (a delete does not wait for the watcher): it stays removed.
    if (this.retired.has(site.slug)) {
      await this.containers.remove(site.slug);
      throw new Error(`site ${site.slug} was removed; it is not revived`);
    }
    return { ip, localPort };
  }

  watch(listener: (event: SiteRuntimeEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  async endpoint(slug: string): Promise<SiteEndpoint> {
    const { ip, localPort } = await this.containers.endpoint(slug);
    return { ip, localPort };
  }

  async list(): Promise<RuntimeSite[]> {
    return (await this.containers.list())
      .filter((c) => c.siteId !== null)
      .map((c) => ({ siteId: c.siteId!, slug: c.slug, running: c.running, serverId: c.id }));
  }

  async reconcile(known: readonly string[], serve: readonly SiteSpec[]): Promise<Map<string, SiteEndpoint>> {
    await removeStaleConfigChecks(this.docker, this.opts.instanceId);
    const keep = new Set(known);
    for (const site of await this.list()) {
      if (!keep.has(site.siteId)) await this.remove(site.slug);
    }
    const served = new Map<string, SiteEndpoint>();
    for (const site of serve) {
      const { ip, localPort } = await this.containers.ensure(this.containerSpec(site));
      served.set(site.id, { ip, localPort });
    }
    return served;
  }

  /**
   * Blue/green's last step: nginx already sends new requests to `deployId`'s app; the old workers of its
   * graceful reload finish the requests they hold (on the old apps), then the old apps stop.
   */
  async settle(site: SiteSpec, deployId: string): Promise<string | null> {
    if (!site.app) return null;
    const old = (await this.apps.list()).filter((a) => a.slug === site.slug && a.deployId !== deployId);
    if (old.length === 0) return null;
    const drained = await drainOldWorkers(this.docker, siteContainerName(site.slug));
    await Promise.all(old.map((a) => this.apps.stop(a.name, APP_STOP_GRACE_SECONDS)));
    return drained;
  }

  async reconcileApps(
    current: readonly { site: SiteSpec; deploy: DeployFiles }[],
    scope?: { sites: readonly string[] },
  ): Promise<void> {
    const keep = new Set(current.map(({ site, deploy }) => appContainerName(site.slug, deploy.id)));
    const inScope = (siteId: string | null) => !scope || (siteId !== null && scope.sites.includes(siteId));
    for (const app of await this.apps.list())
      if (!keep.has(app.name) && inScope(app.siteId)) await this.apps.remove(app.name);
    for (const { site, deploy } of current) {
      if (!site.app) continue;
      const name = appContainerName(site.slug, deploy.id);
      if (await this.apps.state(name)) await this.apps.ensureRunning(name);
      else {
        const networkId = await this.containers.ensureNetwork();
        await this.apps.start(site, deploy.id, deploy.files, site.app, networkId);
      }
      const timeout = this.opts.appHealthTimeoutMs ?? DEFAULT_APP_HEALTH_TIMEOUT_MS;
      const unhealthy = await waitHealthy(this.apps, name, site.app.port, site.app.healthCheckPath, timeout);
      // Left running: Docker's restart policy may still bring it up; the next deploy replaces it anyway.
      if (unhealthy)
        console.warn(`site ${site.slug}: its app is not healthy after the restart (${unhealthy})`);
      // A crash between switching nginx and recording the deploy leaves nginx naming an app that is gone.
      const main = await readFile(join(this.nginxDir(site.slug), MAIN_CONFIG), 'utf8').catch(() => '');
      if (!main.includes(`${name}:`)) await this.switchUpstream(site, site.app, deploy, name, quietLog);
    }
  }

  async appStatus(slug: string, deployId: string): Promise<AppStatus> {
    const state = await this.apps.state(appContainerName(slug, deployId));
    if (!state) return { state: 'MISSING', restartCount: 0, oomKilled: false };
    const { restartCount, oomKilled } = state;
    if (state.running) return { state: 'RUNNING', restartCount, oomKilled };
    if (state.restarting) return { state: 'RESTARTING', restartCount, oomKilled };
    return { state: state.exitCode === 0 && !oomKilled ? 'STOPPED' : 'CRASHED', restartCount, oomKilled };
  }

  appLog(slug: string, deployId: string, opts: { tail: number; follow: boolean }) {
    return lazyIterator<AppLogLine>(() => appLogLines(this.docker, appContainerName(slug, deployId), opts));
  }

  async ping(): Promise<boolean> {
    const timeout = new Promise<false>((done) => setTimeout(() => done(false), 2000).unref());
    const ping = this.docker.ping().then(
      () => true,
      () => false,
    );
    return Promise.race([ping, timeout]);
  }

  /**
   * Whether nginx already accepted this very config: default.conf stays as it is and the only new file is a
   * permalink config that, but for the deploy id, is byte for byte one in the folder (a redeploy with the
   * same rules, 404 page and SPA setting, the common case). Ids are 24 hex characters everywhere, and the
   * only names a permalink file defines (its server_name and its map variables) carry its id, so the
   * renamed file cannot clash with the others. Saves the config check's container run.
   */
  private async knownGood(slug: string, deployId: string, change: ConfigChange, permalink: string) {
    if (change.changes(MAIN_CONFIG) || change.previous(MAIN_CONFIG) === null) return false;
    const dir = join(this.nginxDir(slug), PERMALINK_CONFIG_DIR);
    const files = await readdir(dir).catch(() => [] as string[]);
    const newest = await Promise.all(
      files
        .filter((f) => /^[0-9a-f]{24}\.conf$/.test(f) && f !== `${deployId}.conf`)
        .map(async (f) => ({ f, at: (await stat(join(dir, f)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    const reference = newest.sort((a, b) => b.at - a.at)[0];
    if (!reference) return false;
    const text = await readFile(join(dir, reference.f), 'utf8').catch(() => null);
    return text?.replaceAll(reference.f.slice(0, 24), deployId) === permalink;
  }

  /** Tests the folder as the change would leave it, in a staging copy beside the live one. */
  private async check(site: SiteSpec, change: ConfigChange): Promise<void> {
    // One activation per site at a time (the pipeline's site lock), so one fixed name per site suffices;
    // a copy a crash left behind is replaced by the next one.
    const staging = join(this.opts.siteDir(site.slug), 'nginx.candidate');
    try {
      await ensureImage(this.docker, this.opts.image); // a first deploy may find it not pulled yet
      await change.stage(staging);
      await checkNginxConfig(this.docker, {
        image: this.opts.image,
        configDir: staging,
        siteId: site.id,
        instanceId: this.opts.instanceId,
      });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  /**
   * Blue/green for a server app: its new container starts beside the old one and must pass its health
   * check before nginx is pointed at it (config tested, graceful reload). Any failure removes the new app
   * and leaves nginx, and the old app, as they were.
   */
  private async applyApp(
    site: SiteSpec,
    app: AppSpec,
    deploy: DeployFiles,
    log: RuntimeLog,
  ): Promise<Applied> {
    const running = await this.apps.state(appContainerName(site.slug, deploy.id));
    // A settings change re-applies the current deploy: its app keeps running, only nginx changes.
    if (running?.running)
      return this.switchUpstream(site, app, deploy, appContainerName(site.slug, deploy.id), log);
    const networkId = await this.containers.ensureNetwork();
    log.system(`starting the app: \`${app.command}\` in ${app.image}, port ${app.port}`);
    const name = await this.apps.start(site, deploy.id, deploy.files, app, networkId);
    try {
      const timeout = this.opts.appHealthTimeoutMs ?? DEFAULT_APP_HEALTH_TIMEOUT_MS;
      const unhealthy = await waitHealthy(this.apps, name, app.port, app.healthCheckPath, timeout);
      if (unhealthy) {
        const tail = await this.apps.tail(name, 20);
        for (const line of tail.split('\n').filter(Boolean)) log.write('STDOUT', line);
        throw new AppUnhealthyError(unhealthy, tail);
      }
      log.system(`app healthy (${app.healthCheckPath} answered)`);
      return await this.switchUpstream(site, app, deploy, name, log);
    } catch (err) {
      await this.apps.remove(name);
      throw err;
    }
  }

  /** Points the site's nginx at the app `name` (config tested first; a running nginx reloads gracefully). */
  private async switchUpstream(
    site: SiteSpec,
    app: AppSpec,
    deploy: DeployFiles,
    name: string,
    log: RuntimeLog,
  ): Promise<Applied> {
    const rendered = await renderAppConfig(site.id, deploy, app, name, log);
    const change = await ConfigChange.plan(this.nginxDir(site.slug), [
      ...rendered.auth,
      [MAIN_CONFIG, rendered.main],
    ]);
    if (!change.empty) await this.check(site, change);
    try {
      await change.commit();
      const endpoint = await this.containers.ensure(this.containerSpec(site));
      const reconfigured = !endpoint.started && change.changes(MAIN_CONFIG);
      if (reconfigured) {
        await this.containers.reload(site.slug);
        log.system(`nginx now proxies to ${name}`);
      }
      return { localPort: endpoint.localPort, revision: rendered.probeHost, reconfigured };
    } catch (err) {
      await change.restore();
      throw err;
    }
  }

  private nginxDir(slug: string): string {
    return join(this.opts.siteDir(slug), 'nginx');
  }

  private contextHosts(site: SiteSpec): ContextHosts {
    return { slug: site.slug, domain: this.opts.routing.domain.toLowerCase() };
  }

  private containerSpec(site: SiteSpec): SiteContainerSpec {
    return {
      siteId: site.id,
      slug: site.slug,
      domains: site.domains,
      contexts: site.contexts,
      siteDir: this.opts.siteDir(site.slug),
      nginxDir: this.nginxDir(site.slug),
      logDir: join(this.opts.trafficRoot, site.id),
    };
  }
}

const quietLog: RuntimeLog = { write: () => {}, system: () => {} };

/** A branch or pull request deploy of a server app (issue 15): not served yet, said in words. */
class ContextUnsupportedError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super('Branch and preview deploys are served for static sites only, not for server apps');
    this.name = 'ContextUnsupportedError';
  }
}

/** An iterator whose source opens on the first `next()` (so opening errors reach the consumer there). */
function lazyIterator<T>(open: () => Promise<AsyncIterableIterator<T>>): AsyncIterableIterator<T> {
  let source: Promise<AsyncIterableIterator<T>> | null = null;
  const it: AsyncIterableIterator<T> = {
    next: () => {
      source ??= open();
      return source.then((s) => s.next());
    },
    return: async (value?: unknown) => {
      if (source) await (await source.catch(() => null))?.return?.();
      return { done: true, value: value as T };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
