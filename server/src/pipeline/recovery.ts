import { readdir, rm } from 'node:fs/promises';
import { DeployEntity, LogLineEntity, SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import { queueLane } from '../domain/deploy-context.js';
import type { PubSub } from '../events/pubsub.js';
import type { BuildRunner, SiteRuntime } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import type { Activation } from './activation.js';
import { recoverApps } from './app-recovery.js';
import type { DataDir } from './data-dir.js';
import { LogSink } from './log-sink.js';
import type { DeployScheduler } from './queue.js';
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
  queue: DeployScheduler;
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
    await deps.queue.enqueue(deploy.id, deploy.siteId, queueLane(deploy), (replaced) =>
      state.cancelReplaced(replaced, deploy),
    );
  }
  return { requeued: queued.length, interrupted: interrupted.length };
}

/** Why a deploy whose control plane died (issue 16) failed; the same words in its log and its error. */
export const INTERRUPTED_ELSEWHERE = 'interrupted: the control plane running it stopped';

/**
 * Several control planes on one PostgreSQL (issue 16): deploys another replica was building or publishing
 * when it died, now claimed by this one (cluster/claims.ts adoptExpired). Only what those deploys touched
 * is looked at, since the other replicas go on working: their build containers and work dirs go, their
 * sites serve what the database calls current (a publish the dead replica had finished switching is
 * finished instead, as at a restart), and each deploy ends FAILED with the reason in its log, whose
 * subscribers then see the log end. Sites keep serving throughout: their servers are not touched.
 */
export async function recoverInterrupted(
  deps: Omit<RecoveryDeps, 'queue'>,
  deployIds: readonly string[],
): Promise<void> {
  const em = deps.orm.em.fork();
  const state = new DeployState(em, deps.bus);
  const interrupted = await em.find(DeployEntity, {
    id: { $in: [...deployIds] },
    status: { $in: ['BUILDING', 'PUBLISHING'] },
  });
  if (interrupted.length === 0) return;
  const ids = new Set(interrupted.map((d) => d.id));
  await deps.builds.removeStale((id) => ids.has(id));
  for (const deploy of interrupted) await rm(deps.data.work(deploy.id), { recursive: true, force: true });
  const sites = await em.find(SiteEntity, { id: { $in: [...new Set(interrupted.map((d) => d.siteId))] } });
  const finished = await reconcileServing(em, { ...deps, isRunning: () => false }, sites, interrupted);
  for (const deploy of interrupted) {
    if (finished.has(deploy.id)) continue;
    const last = await em
      .fork()
      .findOne(LogLineEntity, { deployId: deploy.id }, { orderBy: { seq: 'desc' } });
    const log = new LogSink({
      deployId: deploy.id,
      em: em.fork(),
      bus: deps.bus,
      file: deps.data.log(deploy.id),
      lastSeq: last?.seq ?? 0,
    });
    log.system(`deploy failed: ${INTERRUPTED_ELSEWHERE}`);
    await log.flush();
    await state.end(deploy.id, deploy.siteId, 'FAILED', INTERRUPTED_ELSEWHERE);
    await log.close();
  }
}
