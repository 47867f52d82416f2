import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type Docker from 'dockerode';
import { UnavailableError } from '../domain/errors.js';
import { ACCESS_LOG_DIR } from './access-log.js';
import { execOutput } from './docker/exec-output.js';
import { NameTakenError, outputTail, ReloadFailedError } from './errors.js';
import { engineError, ensureImage, isNotFound } from './images.js';
import { instanceFilter, MANAGED_LABEL, ownership, SITE_LABEL, SPEC_LABEL } from './labels.js';
import { SitesNetwork } from './network.js';
import { type RoutingConfig, siteLabels } from './traefik-labels.js';

const PREFIX = 'launchpad-site-';
export const siteContainerName = (slug: string) => `${PREFIX}${slug}`;

/**
 * A static server needs little: no new privileges, only the capabilities nginx's master uses to bind :80
 * and drop to its worker user, bounded memory and process count. Config checks run under the same.
 */
export const STATIC_SERVER_CONFINEMENT = {
  SecurityOpt: ['no-new-privileges'],
  CapDrop: ['ALL'],
  CapAdd: ['CHOWN', 'SETUID', 'SETGID', 'NET_BIND_SERVICE', 'DAC_OVERRIDE'],
  Memory: 128 * 1024 * 1024,
  PidsLimit: 256,
} satisfies Docker.HostConfig;

export interface SiteContainerSpec {
  siteId: string;
  slug: string;
  domains: readonly string[];
  /** Route branch and pull request hosts too (issue 15). */
  contexts?: boolean;
  /** Host path of sites/<slug> (holds `current` and `deploys/`), mounted read-only at /srv/site. */
  siteDir: string;
  /** Host path of the folder holding the generated nginx config, mounted read-only at /etc/nginx/conf.d. */
  nginxDir: string;
  /** Host path of the folder nginx writes the access log into (issue 13), mounted read-write. */
  logDir: string;
}

export interface SiteEndpoint {
  containerId: string;
  /** Address on the Launchpad network (reachable from the host on Linux and from Traefik). */
  ip: string | null;
  /** Loopback port on the host when ports are published (LAUNCHPAD_PUBLISH_PORTS). */
  localPort: number | null;
}

export interface SiteContainersOptions {
  image: string;
  network: string;
  publishPorts: boolean;
  routing: RoutingConfig;
  instanceId: string;
}

/**
 * Runs one static-server container per site. Content changes never touch the container (the `current`
 * symlink is swapped under it); only a change of image, routing or mounts recreates it.
 */
export class SiteContainers {
  private readonly network: SitesNetwork;

  constructor(
    private readonly docker: Docker,
    private readonly opts: SiteContainersOptions,
  ) {
    this.network = new SitesNetwork(docker, opts.network);
  }

  /** The sites network's id, created when missing. */
  ensureNetwork(): Promise<string> {
    return this.network.ensure();
  }

  /**
   * Creates and starts the site's container, or keeps the running one when its spec is unchanged.
   * `started`: nginx started now, so it loaded the config folder as it is (no reload needed, nor yet possible).
   */
  async ensure(spec: SiteContainerSpec): Promise<SiteEndpoint & { started: boolean }> {
    const name = siteContainerName(spec.slug);
    const labels = {
      ...siteLabels(
        { id: spec.siteId, slug: spec.slug, domains: spec.domains, contexts: spec.contexts },
        this.opts.routing,
      ),
      ...ownership(spec.siteId, this.opts.instanceId),
    };
    const networkId = await this.network.ensure();
    await mkdir(spec.logDir, { recursive: true, mode: 0o755 });
    const create = this.createOptions(name, spec, labels, networkId);
    const specHash = createHash('sha256').update(JSON.stringify(create)).digest('hex').slice(0, 16);
    const existing = await this.inspect(name);
    if (existing) {
      if (existing.Config.Labels?.[MANAGED_LABEL] !== 'true') throw new NameTakenError(name);
      if (existing.Config.Labels?.[SPEC_LABEL] === specHash) {
        if (existing.State.Running) return { ...(await this.endpoint(spec.slug)), started: false };
        await this.docker.getContainer(existing.Id).start();
        return { ...(await this.endpoint(spec.slug)), started: true };
      }
      await this.docker.getContainer(existing.Id).remove({ force: true });
    }
    await ensureImage(this.docker, this.opts.image);
    create.Labels = { ...labels, [SPEC_LABEL]: specHash };
    const container = await this.docker.createContainer(create).catch((err) => {
      throw engineError(err);
    });
    await container.start();
    return { ...(await this.endpoint(spec.slug)), started: true };
  }

  /** Asks nginx to re-read its config (graceful: in-flight requests finish on the old workers). */
  async reload(slug: string): Promise<void> {
    const container = this.docker.getContainer(siteContainerName(slug));
    let result: { exitCode: number; output: string };
    try {
      result = await execOutput(this.docker, container, ['nginx', '-s', 'reload']);
    } catch (err) {
      const engine = engineError(err);
      if (engine instanceof UnavailableError) throw engine;
      // The engine refused the exec (the container stopped or restarts): nginx cannot have taken the config.
      throw new ReloadFailedError(null, outputTail(engine.message));
    }
    if (result.exitCode !== 0) throw new ReloadFailedError(result.exitCode, outputTail(result.output));
  }

  async endpoint(slug: string): Promise<SiteEndpoint> {
    const name = siteContainerName(slug);
    const info = await this.inspect(name);
    if (!info) throw new Error(`container ${name} does not exist`);
    const ip = info.NetworkSettings.Networks?.[this.opts.network]?.IPAddress || null;
    const binding = info.NetworkSettings.Ports?.['80/tcp']?.[0]?.HostPort;
    return { containerId: info.Id, ip, localPort: binding ? Number(binding) : null };
  }

  async remove(slug: string): Promise<void> {
    const info = await this.inspect(siteContainerName(slug));
    if (info?.Config.Labels?.[MANAGED_LABEL] !== 'true') return;
    await this.docker
      .getContainer(info.Id)
      .remove({ force: true })
      .catch((err) => {
        if (!isNotFound(err)) throw engineError(err);
      });
  }

  /** Every site container of this instance (running or not), with the site id it serves. */
  async list(): Promise<{ id: string; slug: string; siteId: string | null; running: boolean }[]> {
    const containers = await this.docker
      .listContainers({
        all: true,
        filters: { label: instanceFilter(this.opts.instanceId, SITE_LABEL) },
      })
      .catch((err) => {
        throw engineError(err);
      });
    return containers
      .filter((c) => c.Names.some((n) => n.startsWith(`/${PREFIX}`)))
      .map((c) => ({
        id: c.Id,
        slug: c.Names.find((n) => n.startsWith(`/${PREFIX}`))!.slice(PREFIX.length + 1),
        siteId: c.Labels[SITE_LABEL] ?? null,
        running: c.State === 'running',
      }));
  }

  private async inspect(name: string): Promise<Docker.ContainerInspectInfo | null> {
    try {
      return await this.docker.getContainer(name).inspect();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw engineError(err);
    }
  }

  private createOptions(
    name: string,
    spec: SiteContainerSpec,
    labels: Record<string, string>,
    networkId: string,
  ) {
    return {
      name,
      Image: this.opts.image,
      Labels: labels,
      ExposedPorts: { '80/tcp': {} },
      HostConfig: {
        Binds: [
          `${spec.siteDir}:/srv/site:ro`,
          `${spec.nginxDir}:/etc/nginx/conf.d:ro`,
          `${spec.logDir}:${ACCESS_LOG_DIR}`,
        ],
        RestartPolicy: { Name: 'unless-stopped' },
        // By id: a name can briefly be ambiguous while racing creators converge (see SitesNetwork).
        NetworkMode: networkId,
        PortBindings: this.opts.publishPorts ? { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } : {},
        ...STATIC_SERVER_CONFINEMENT,
      },
      NetworkingConfig: { EndpointsConfig: { [networkId]: {} } },
    } satisfies Docker.ContainerCreateOptions;
  }
}
