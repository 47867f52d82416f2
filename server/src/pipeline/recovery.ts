import { readdir, rm } from 'node:fs/promises';
import type { MikroORM } from '@mikro-orm/sqlite';
import type Docker from 'dockerode';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import type { PubSub } from '../events/pubsub.js';
import { removeStaleBuildContainers } from '../runtime/build-container.js';
import type { SiteContainers } from '../runtime/site-containers.js';
import type { DataDir } from './data-dir.js';
import type { DeployQueue } from './queue.js';
import { DeployState } from './state.js';

export interface RecoveryDeps {
  orm: MikroORM;
  bus: PubSub;
  data: DataDir;
  docker: Docker;
  containers: SiteContainers;
  queue: DeployQueue;
  instanceId: string;
}

/**
 * Brings rows, files and containers back in line after a stop or crash: deploys that were mid-flight
 * failed with the process, waiting ones run again, work dirs are scratch, and every live site gets its
 * container back. Runs once at start, before the API takes requests.
 */
export async function recover(deps: RecoveryDeps): Promise<{ requeued: number; interrupted: number }> {
  const em = deps.orm.em.fork();
  const state = new DeployState(em, deps.bus);
  const interrupted = await em.find(DeployEntity, { status: { $in: ['BUILDING', 'PUBLISHING'] } });
  for (const deploy of interrupted) {
    await state.setDeploy(deploy, 'FAILED', { error: 'interrupted by restart' });
  }
  await removeStaleBuildContainers(deps.docker, { instanceId: deps.instanceId });
  for (const entry of await readdir(deps.data.workRoot, { withFileTypes: true }).catch(() => [])) {
    await rm(deps.data.work(entry.name), { recursive: true, force: true });
  }

  const sites = await em.find(SiteEntity, {});
  const known = new Set(sites.map((s) => s.id));
  for (const container of await deps.containers.list()) {
    if (container.siteId && !known.has(container.siteId))
      await deps.containers.remove(container.name.slice('launchpad-site-'.length));
  }
  for (const site of sites) {
    if (!site.currentDeployId) {
      if (site.status === 'DEPLOYING') await state.setSite(site, { status: 'FAILED' });
      continue;
    }
    const endpoint = await deps.containers.ensure({
      siteId: site.id,
      slug: site.slug,
      domains: site.domains,
      siteDir: deps.data.site(site.slug),
      nginxDir: deps.data.nginx(site.slug),
    });
    const patch = {
      localPort: endpoint.localPort,
      status: site.status === 'DEPLOYING' ? ('LIVE' as const) : site.status,
    };
    if (patch.localPort !== site.localPort || patch.status !== site.status) await state.setSite(site, patch);
  }

  const queued = await em.find(DeployEntity, { status: 'QUEUED' }, { orderBy: { createdAt: 'asc' } });
  for (const deploy of queued) {
    for (const replaced of deps.queue.enqueue(deploy.id, deploy.siteId)) {
      const old = queued.find((d) => d.id === replaced);
      if (old) await state.setDeploy(old, 'CANCELLED', { error: `replaced by deploy #${deploy.number}` });
    }
  }
  return { requeued: queued.length, interrupted: interrupted.length };
}
