import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/sqlite';
import { DomainError } from '../domain/errors.js';
import type { Deploy, Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import { nginxSiteConfig } from '../runtime/nginx-config.js';
import type { SiteContainers } from '../runtime/site-containers.js';
import { extractZip, type ZipLimits } from '../source/zip-extract.js';
import type { DataDir } from './data-dir.js';
import { LogSink } from './log-sink.js';
import { PublishError, placeFiles, resolveOutputDir, switchCurrent } from './publish.js';
import { DeployState } from './state.js';

export interface DeployerDeps {
  orm: MikroORM;
  bus: PubSub;
  data: DataDir;
  containers: SiteContainers;
  zipLimits: ZipLimits;
  now?: () => Date;
}

export class DeployCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'DeployCancelledError';
  }
}

/**
 * Runs one deploy through the pipeline stages (design.md): source → publish → route → cleanup. Every path
 * ends with the deploy in a final state and its work dir removed; a failure leaves the live site as it was.
 */
export class Deployer {
  constructor(private readonly deps: DeployerDeps) {}

  async run(deployId: string, signal: AbortSignal): Promise<void> {
    const em = this.deps.orm.em.fork();
    const state = new DeployState(em, this.deps.bus, this.deps.now);
    const deploy = await state.deploy(deployId);
    if (deploy?.status !== 'QUEUED') return;
    const site = await state.site(deploy.siteId);
    if (!site) return;
    const { data } = this.deps;
    const log = new LogSink({ deployId, em: em.fork(), bus: this.deps.bus, file: data.log(deployId) });
    const work = data.work(deployId);
    const target = data.deploy(site.slug, deployId);
    let placed = false;
    try {
      await state.setDeploy(deploy, 'PUBLISHING');
      await state.setSite(site, { status: 'DEPLOYING' });
      log.system(`deploy #${deploy.number} of ${site.slug} started (${deploy.trigger.toLowerCase()})`);
      await mkdir(work, { recursive: true });

      const checkout = await this.fetchSource(site, deploy, work, log);
      signal.throwIfAborted();

      const output = await resolveOutputDir(checkout, site.outputDir);
      await placeFiles(output, target, (msg) => log.write('SYSTEM', `warning: ${msg}`));
      placed = true;
      log.system(`published to deploys/${deployId}`);
      signal.throwIfAborted();

      const endpoint = await this.route(site, target, log);
      signal.throwIfAborted();

      const previous = site.currentDeployId;
      await switchCurrent(data.current(site.slug), deployId);
      log.system(`live at ${site.slug} (deploy ${deployId})`);
      await log.flush();
      await state.setDeploy(deploy, 'LIVE');
      await state.setSite(site, { status: 'LIVE', currentDeployId: deployId, localPort: endpoint.localPort });
      if (previous && previous !== deployId) {
        const old = await state.deploy(previous);
        if (old && old.status === 'LIVE') await state.setDeploy(old, 'SUPERSEDED');
      }
    } catch (err) {
      const cancelled = signal.aborted || err instanceof DeployCancelledError;
      const message = cancelled ? 'cancelled' : userMessage(err);
      log.system(cancelled ? 'deploy cancelled' : `deploy failed: ${message}`);
      if (!cancelled && !isUserFacing(err)) console.error(`deploy ${deployId} failed:`, err);
      if (placed) await rm(target, { recursive: true, force: true });
      await log.flush();
      const fresh = (await state.deploy(deployId)) ?? deploy;
      await state.setDeploy(fresh, cancelled ? 'CANCELLED' : 'FAILED', { error: cancelled ? null : message });
      const freshSite = await state.site(site.id);
      if (freshSite)
        await state.setSite(freshSite, { status: freshSite.currentDeployId ? 'LIVE' : 'FAILED' });
    } finally {
      await rm(work, { recursive: true, force: true });
      await log.close();
    }
  }

  private async fetchSource(site: Site, deploy: Deploy, work: string, log: LogSink): Promise<string> {
    if (site.sourceType !== 'ZIP') throw new PublishError(`${site.sourceType} sources are not supported yet`);
    if (!deploy.archive) throw new PublishError('This deploy has no archive to publish');
    const src = join(work, 'src');
    await mkdir(src);
    const result = await extractZip(join(this.deps.data.root, deploy.archive), src, this.deps.zipLimits);
    log.system(
      `extracted ${result.files} files (${formatBytes(result.bytes)})` +
        (result.unwrapped ? ` from the top-level folder ${result.unwrapped}/` : ''),
    );
    return src;
  }

  /** Writes the site's nginx config and makes sure its container runs; reloads nginx when the config changed. */
  private async route(site: Site, published: string, log: LogSink) {
    const { data, containers } = this.deps;
    const has404Page = await exists(join(published, '404.html'));
    const config = nginxSiteConfig({ spa: site.spa, has404Page });
    const dir = data.nginx(site.slug);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const file = join(dir, 'default.conf');
    const before = await readFile(file, 'utf8').catch(() => null);
    if (before !== config) await writeFile(file, config, { mode: 0o644 });
    const endpoint = await containers.ensure({
      siteId: site.id,
      slug: site.slug,
      domains: site.domains,
      siteDir: data.site(site.slug),
      nginxDir: dir,
    });
    if (before !== null && before !== config) {
      await containers.reload(site.slug);
      log.system('server config updated');
    }
    log.system(`container running (${endpoint.containerId.slice(0, 12)})`);
    return endpoint;
  }
}

function isUserFacing(err: unknown): boolean {
  return (
    err instanceof DomainError ||
    err instanceof PublishError ||
    (err as Error)?.name === 'ImageUnavailableError'
  );
}

function userMessage(err: unknown): string {
  if (isUserFacing(err)) return (err as Error).message;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'The server ran out of disk space';
  return 'Internal error while deploying (see the server log)';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
