import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { MAIN_CONFIG, permalinkConfig, renderSiteConfig } from '../docker/site-config.js';
import { engineError, ensureImage } from '../images.js';
import { ownership } from '../labels.js';
import type {
  AppLogLine,
  Applied,
  AppStatus,
  DeployFiles,
  RuntimeLog,
  RuntimeSite,
  SiteEndpoint,
  SiteRuntime,
  SiteRuntimeEvent,
  SiteSpec,
} from '../ports.js';
import type { RoutingConfig } from '../traefik-labels.js';
import { CONTEXT_ENTRIES, removeContext, stageAppContext, stageStaticContext } from './image-context.js';
import { OverlayNetwork } from './overlay-network.js';
import { RegistryTags } from './registry-tags.js';
import { DEPLOY_LABEL, siteServiceSpec } from './service-spec.js';
import { buildAndPush, removeLocalImage, siteImage, siteRepository } from './site-image.js';
import { SiteServices } from './site-services.js';

export interface SwarmSiteRuntimeOptions {
  /** LAUNCHPAD_REGISTRY: `host:port` every node pulls site images from. */
  registry: string;
  /** LAUNCHPAD_STATIC_IMAGE: the base of every static site's image. */
  image: string;
  /** LAUNCHPAD_NETWORK: the attachable overlay network shared with Traefik. */
  network: string;
  routing: RoutingConfig;
  instanceId: string;
  /** Scratch folder for image build contexts (on the data dir's file system: files are hard-linked). */
  workDir: string;
  /** LAUNCHPAD_SWARM_DRAIN: seconds a replaced task keeps serving (Traefik's poll interval, and more). */
  drainSeconds: number;
  /** How long a new task may take to become healthy (LAUNCHPAD_APP_HEALTH_TIMEOUT, plus the pull). */
  healthTimeoutMs: number;
}

/**
 * The Swarm driver's SiteRuntime (issue 16): each site is the service `launchpad-site-<slug>`, and each
 * deploy an image `<registry>/launchpad/<slug>:<deployId>` holding the deploy's files and its generated
 * nginx config (or, for a server app, the files on the runtime image). Going live is a `start-first`
 * rolling update of the service to the new image: the old task serves until the new one passes its health
 * check, so a deploy or a rollback drops no request; a new task that never gets healthy is rolled back by
 * Swarm and the deploy fails with the old one still serving. Nothing here needs the routing mesh.
 *
 * Not served under Swarm (said in the error or the README): branch and preview hosts (applyContext),
 * permalinks of other deploys than the current one (each image holds one deploy), the per-site access log
 * (a task's log folder is inside its container) and `LAUNCHPAD_PUBLISH_PORTS`.
 */
export class SwarmSiteRuntime implements SiteRuntime {
  private readonly services: SiteServices;
  private readonly network: OverlayNetwork;
  private readonly registryTags: RegistryTags;
  /** Sites this runtime removed: never revived until served again. */
  private readonly retired = new Set<string>();

  constructor(
    private readonly docker: Docker,
    private readonly opts: SwarmSiteRuntimeOptions,
  ) {
    this.services = new SiteServices(docker, opts.instanceId);
    this.network = new OverlayNetwork(docker, opts.network);
    this.registryTags = new RegistryTags(opts.registry);
  }

  async prepare(): Promise<void> {
    const info = (await this.docker.info().catch((err) => {
      throw engineError(err);
    })) as { Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean } };
    if (info.Swarm?.LocalNodeState !== 'active' || !info.Swarm.ControlAvailable) throw new NotAManagerError();
    await this.network.ensure();
  }

  async apply(site: SiteSpec, deploy: DeployFiles, log: RuntimeLog): Promise<Applied> {
    const networkId = await this.network.ensure();
    const image = siteImage(this.opts.registry, site.slug, deploy.id);
    const context = join(this.opts.workDir, `image-${deploy.id}-${randomBytes(4).toString('hex')}`);
    const labels = ownership(site.id, this.opts.instanceId);
    let probeHost: string | null = null;
    let pinned: string;
    try {
      if (site.app) {
        await ensureImage(this.docker, site.app.image);
        await stageAppContext(context, {
          files: deploy.files,
          baseImage: site.app.image,
          labels,
        });
      } else {
        const rendered = await renderSiteConfig(site, deploy, log, {
          slug: site.slug,
          domain: this.opts.routing.domain.toLowerCase(),
        });
        probeHost = rendered.probeHost;
        await ensureImage(this.docker, this.opts.image);
        await stageStaticContext(context, {
          deployId: deploy.id,
          files: deploy.files,
          config: [
            ...rendered.auth,
            [permalinkConfig(deploy.id), rendered.permalink],
            [MAIN_CONFIG, rendered.main],
          ],
          baseImage: this.opts.image,
          drainSeconds: this.opts.drainSeconds,
          labels,
        });
      }
      pinned = await buildAndPush(this.docker, {
        context,
        entries: CONTEXT_ENTRIES,
        repository: siteRepository(this.opts.registry, site.slug),
        tag: deploy.id,
        registry: this.opts.registry,
        log,
      });
    } finally {
      await removeContext(context);
    }
    const spec = siteServiceSpec({
      site,
      app: site.app ?? null,
      deployId: deploy.id,
      image: pinned,
      networkId,
      routing: this.opts.routing,
      instanceId: this.opts.instanceId,
      probeHost,
      drainSeconds: this.opts.drainSeconds,
    });
    this.retired.delete(site.slug);
    const before = (await this.services.inspect(site.slug))?.Spec.Labels?.[DEPLOY_LABEL];
    const { created } = await this.services.put(site.slug, spec);
    log.system(created ? `service created with ${image}` : `rolling update (start-first) to ${image}`);
    try {
      await this.services.waitRunning(site.slug, pinned, this.opts.healthTimeoutMs);
    } catch (err) {
      // A first deploy that never served leaves nothing behind; an update was rolled back by Swarm.
      if (created) await this.services.remove(site.slug).catch(() => false);
      // A settings change of the served deploy rebuilt its tag: the rolled-back task still runs that one.
      if (before !== deploy.id) await this.dropImages(site.slug, [deploy.id]);
      throw err;
    }
    log.system(`task running and healthy (${image})`);
    return { localPort: null, revision: pinned, reconfigured: true };
  }

  async applyContext(): Promise<Applied> {
    throw new ContextUnsupportedError();
  }

  /** Nothing serves a context host under Swarm, so nothing is to stop. */
  async removeContext(): Promise<void> {}

  /** `apply` already waited for the health check; this confirms that a task of the image still runs. */
  async waitUntilServing(site: SiteSpec, applied: Applied): Promise<string | null> {
    const running = (await this.services.tasks(site.slug)).some(
      (t) =>
        t.DesiredState === 'running' &&
        t.Status.State === 'running' &&
        t.Spec.ContainerSpec.Image.startsWith(applied.revision),
    );
    return running ? null : `no running task of ${applied.revision}`;
  }

  /** Drops the images (local and in the registry) of deploys whose files are gone; never the served one. */
  async forget(site: SiteSpec, deployIds: readonly string[]): Promise<void> {
    const serving = (await this.services.inspect(site.slug))?.Spec.Labels?.[DEPLOY_LABEL];
    await this.dropImages(
      site.slug,
      deployIds.filter((id) => id !== serving),
    );
  }

  /** Removes the service and every image of the site, local and in the registry. */
  async remove(slug: string): Promise<void> {
    this.retired.add(slug);
    await this.services.remove(slug);
    await this.dropImages(slug, await this.imageTags(slug));
  }

  async endpoint(slug: string): Promise<SiteEndpoint> {
    const networkId = await this.network.ensure();
    const [ip] = await this.services.taskAddresses(slug, networkId);
    return { ip: ip ?? null, localPort: null };
  }

  /** The addresses Traefik routes to: every running task's address on the shared overlay network. */
  async taskAddresses(slug: string): Promise<string[]> {
    return this.services.taskAddresses(slug, await this.network.ensure());
  }

  async list(): Promise<RuntimeSite[]> {
    const out: RuntimeSite[] = [];
    for (const s of await this.services.list()) {
      const running = (await this.services.tasks(s.slug)).some(
        (t) => t.DesiredState === 'running' && t.Status.State === 'running',
      );
      out.push({ siteId: s.siteId, slug: s.slug, running, serverId: s.id });
    }
    return out;
  }

  /**
   * Services of sites that are gone are removed. A site's service that exists keeps running (Swarm restarts
   * its tasks by itself); one that is missing is not recreated here (its image is named by the deploy,
   * which the site spec does not carry): recovery's reapply serves the current deploy again.
   */
  async reconcile(known: readonly string[], serve: readonly SiteSpec[]): Promise<Map<string, SiteEndpoint>> {
    const keep = new Set(known);
    for (const s of await this.services.list()) if (!keep.has(s.siteId)) await this.remove(s.slug);
    const served = new Map<string, SiteEndpoint>();
    for (const site of serve) {
      if (await this.services.inspect(site.slug)) served.set(site.id, await this.endpoint(site.slug));
    }
    return served;
  }

  async ping(): Promise<boolean> {
    const timeout = new Promise<false>((done) => setTimeout(() => done(false), 2000).unref());
    const ping = this.docker.ping().then(
      () => true,
      () => false,
    );
    return Promise.race([ping, timeout]);
  }

  async retain(site: SiteSpec, deployIds: readonly string[]): Promise<string[]> {
    const keep = new Set(deployIds);
    const doomed = (await this.imageTags(site.slug)).filter((id) => !keep.has(id));
    await this.forget(site, doomed);
    return doomed;
  }

  /** Swarm restarts a site's task by itself; a service removed behind Launchpad's back needs a redeploy. */
  async revive(site: SiteSpec): Promise<SiteEndpoint> {
    if (this.retired.has(site.slug)) throw new Error(`site ${site.slug} was removed; it is not revived`);
    if (!(await this.services.inspect(site.slug)))
      throw new Error(`service of site ${site.slug} is gone; a redeploy or a restart serves it again`);
    return this.endpoint(site.slug);
  }

  /** Swarm replaces failed tasks itself; this runtime reports no container events. */
  watch(_listener: (event: SiteRuntimeEvent) => void): () => void {
    return () => {};
  }

  /** A server app's old task drains and stops as part of the rolling update: nothing is left to settle. */
  async settle(): Promise<string | null> {
    return null;
  }

  /** A server app's service keeps its current deploy's image across restarts: nothing to bring back. */
  async reconcileApps(): Promise<void> {}

  async appStatus(slug: string, deployId: string): Promise<AppStatus> {
    const image = siteImage(this.opts.registry, slug, deployId);
    const tasks = (await this.services.tasks(slug)).filter((t) =>
      t.Spec.ContainerSpec.Image.startsWith(image),
    );
    if (tasks.length === 0) return { state: 'MISSING', restartCount: 0, oomKilled: false };
    const restartCount = Math.max(0, tasks.length - 1);
    if (tasks.some((t) => t.DesiredState === 'running' && t.Status.State === 'running'))
      return { state: 'RUNNING', restartCount, oomKilled: false };
    if (tasks.some((t) => t.DesiredState === 'running'))
      return { state: 'RESTARTING', restartCount, oomKilled: false };
    return { state: 'STOPPED', restartCount, oomKilled: false };
  }

  appLog(): AsyncIterableIterator<AppLogLine> {
    const it: AsyncIterableIterator<AppLogLine> = {
      next: () => Promise.reject(new AppLogUnsupportedError()),
      return: async () => ({ done: true, value: undefined }),
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }

  /** Deploy ids of the site's images on this engine and in the registry. */
  private async imageTags(slug: string): Promise<string[]> {
    const repository = siteRepository(this.opts.registry, slug);
    const local = await this.docker.listImages({ filters: { reference: [repository] } }).catch((err) => {
      throw engineError(err);
    });
    const tags = new Set<string>();
    for (const img of local)
      for (const ref of img.RepoTags ?? [])
        if (ref.startsWith(`${repository}:`)) tags.add(ref.slice(repository.length + 1));
    const remote = await this.registryTags.list(`launchpad/${slug}`).catch((err: Error) => {
      console.warn(`site ${slug}: registry tags not listed (${err.message})`);
      return [] as string[];
    });
    for (const t of remote) tags.add(t);
    return [...tags].filter((t) => /^[0-9a-f]{24}$/.test(t));
  }

  /** Removes `slug`'s images of `deployIds` here and in the registry, as far as each allows. */
  private async dropImages(slug: string, deployIds: readonly string[]): Promise<void> {
    for (const id of deployIds) {
      await removeLocalImage(this.docker, siteImage(this.opts.registry, slug, id)).catch((err: Error) =>
        console.warn(`site ${slug}: image of ${id} not removed here (${err.message})`),
      );
      await this.registryTags
        .delete(`launchpad/${slug}`, id)
        .catch((err: Error) =>
          console.warn(`site ${slug}: image of ${id} not removed from the registry (${err.message})`),
        );
    }
  }
}

/** LAUNCHPAD_RUNTIME=swarm against an engine that is no swarm manager. */
export class NotAManagerError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor() {
    super(
      'LAUNCHPAD_RUNTIME=swarm needs a Docker engine that is a swarm manager (`docker swarm init` on this ' +
        'machine, or point LAUNCHPAD_DOCKER_HOST at a manager).',
    );
    this.name = 'NotAManagerError';
  }
}

class ContextUnsupportedError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super('Branch and preview deploys are not served by the Swarm runtime yet (LAUNCHPAD_RUNTIME=swarm)');
    this.name = 'ContextUnsupportedError';
  }
}

class AppLogUnsupportedError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super("A server app's live output is read with `docker service logs` under the Swarm runtime");
    this.name = 'AppLogUnsupportedError';
  }
}
