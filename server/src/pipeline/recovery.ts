import { readdir, rm } from 'node:fs/promises';
import { DeployEntity, SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import { queueLane } from '../domain/deploy-context.js';
import type { PubSub } from '../events/pubsub.js';
import type { BuildRunner, SiteRuntime } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import type { Activation } from './activation.js';
import { recoverApps } from './app-recovery.js';
import type { DataDir } from './data-dir.js';
import type { DeployQueue } from './queue.js';
import { reconcileServing, removeLeftovers } from './reconcile.js';
import { siteSpec } from './site-spec.js';
import { DeployState } from './state.js';
import { checkStore } from './store/startup.js';

export interface RecoveryDeps {
  orm: Orm;
  bus: PubSub;
  data: DataDir;
  builds: BuildRunner;
  runtime: SiteRuntime;
  queue: DeployQueue;
  activation: Pick<Activation, 'reapply'>;
  secrets: SecretBox;
}

/**
 * Brings rows, files and containers back in line after a stop or crash: deploys that were mid-flight
 * failed with the process, waiting ones run again, work dirs are scratch, every live site gets its
 * container back and serves what the database calls current (pipeline/reconcile.ts), and what deploys
 * that never went live left behind is removed. Runs once at start, before the API takes requests.
 */
export async function recover(deps: RecoveryDeps): Promise<{ requeued: number; interrupted: number }> {
  const em = deps.orm.em.fork();
  const state = new DeployState(em, deps.bus);
  const interrupted = await em.find(DeployEntity, { status: { $in: ['BUILDING', 'PUBLISHING'] } });
  await deps.builds.removeStale();
  for (const entry of await readdir(deps.data.workRoot, { withFileTypes: true }).catch(() => [])) {
    await rm(deps.data.work(entry.name), { recursive: true, force: true });
  }

  const sites = await em.find(SiteEntity, {});
  // Servers of deleted sites go; every site with a current deploy is served again.
  const served = await deps.runtime.reconcile(
    sites.map((s) => s.id),
    sites.filter((s) => s.currentDeployId).map((s) => siteSpec(s, deps.secrets)),
  );
  for (const site of sites) {
    const endpoint = served.get(site.id);
    if (!endpoint) {
      if (site.status === 'DEPLOYING') await state.setSite(site, { status: 'FAILED' });
      continue;
    }
    const patch = {
      localPort: endpoint.localPort,
      status: site.status === 'DEPLOYING' ? ('LIVE' as const) : site.status,
    };
    if (patch.localPort !== site.localPort || patch.status !== site.status) await state.setSite(site, patch);
  }

  const reconcile = { ...deps, isRunning: (id: string) => deps.queue.isRunning(id) };
  const finished = await reconcileServing(em, reconcile, sites, interrupted);
  for (const deploy of interrupted) {
    if (!finished.has(deploy.id))
      await state.setDeploy(deploy, 'FAILED', { error: 'interrupted by restart' });
  }
  await removeLeftovers(em, reconcile, sites);
  await checkStore(deps.data);
  // After reconciliation decided each site's current deploy: its app runs, every other app goes.
  await recoverApps(deps, sites);

  const queued = await em.find(DeployEntity, { status: 'QUEUED' }, { orderBy: { createdAt: 'asc' } });
  for (const deploy of queued) {
    for (const replaced of deps.queue.enqueue(deploy.id, deploy.siteId, queueLane(deploy))) {
      const old = queued.find((d) => d.id === replaced);
      if (old) await state.setDeploy(old, 'CANCELLED', { error: `replaced by deploy #${deploy.number}` });
    }
  }
  return { requeued: queued.length, interrupted: interrupted.length };
}
