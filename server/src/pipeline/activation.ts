import { rm, symlink } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/knex';
import { DeployEntity, LogLineEntity } from '../db/entities.js';
import { contextLabel } from '../domain/deploy-context.js';
import { DomainError, NotFoundError } from '../domain/errors.js';
import type { Deploy, Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import type { Applied, DeployFiles, RuntimeLog, SiteRuntime } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import type { DataDir } from './data-dir.js';
import { LogSink } from './log-sink.js';
import { switchCurrent } from './publish.js';
import { pruneDeploys } from './retention.js';
import type { SiteLock } from './site-locks.js';
import { siteSpec } from './site-spec.js';
import { DeployState } from './state.js';

/** The deploy log as activation uses it; `LogSink` satisfies it. */
export interface ActivationLog extends RuntimeLog {
  flush(): Promise<void>;
}

/** What a rollback decided under the lock: its new row and the earlier deploy whose files it serves. */
export interface RollbackPlan {
  deploy: Deploy;
  source: { number: number; id: string };
  files: string;
}

export interface ActivationDeps {
  bus: PubSub;
  data: DataDir;
  runtime: SiteRuntime;
  locks: SiteLock;
  /** LAUNCHPAD_KEEP_DEPLOYS: deploys whose files are kept per site. */
  keepDeploys: number;
  /** Opens a server app's secret env vars for its container. */
  secrets: SecretBox;
  now?: () => Date;
}

/**
 * The one way a deploy becomes what a site serves, for a finished build, a rollback and a settings change:
 * one site at a time (the site lock), with what is current read again under the lock, the runtime told to
 * serve it and waited for, `current` switched, the deploy marked LIVE (the one it replaces SUPERSEDED),
 * events published and older deploys pruned. A failure leaves the site serving what it served before.
 */
export class Activation {
  constructor(private readonly deps: ActivationDeps) {}

  /**
   * Makes `deploy`, whose files are in `files`, the site's current deploy. `beforeLive` runs once the files
   * are switched in, before LIVE is stored (a deploy removes its work dir there: LIVE means cleaned up).
   */
  async activate(
    em: EntityManager,
    deploy: Deploy,
    siteId: string,
    files: string,
    log: ActivationLog,
    opts: { live?: string; beforeLive?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.deps.locks.run(siteId, () => this.switchTo(em, deploy, siteId, files, log, opts));
  }

  /**
   * A rollback, decided and done under the site lock so that of several at once exactly one goes live:
   * `prepare` sees what is current now, refuses (throws) or records the new ROLLBACK row, whose permalink is
   * a symlink to the files of `source` (an earlier deploy, whose folder is `files`). A refused rollback
   * leaves no row; one that cannot go live ends FAILED with the reason, and rethrows.
   */
  async rollback(
    em: EntityManager,
    siteId: string,
    prepare: (site: Site, current: Deploy | null) => Promise<RollbackPlan>,
  ): Promise<Deploy> {
    const state = new DeployState(em, this.deps.bus, this.deps.now);
    return this.deps.locks.run(siteId, async () => {
      const site = await state.site(siteId);
      if (!site) throw new NotFoundError(`No site ${siteId}`);
      const current = site.currentDeployId ? await state.deploy(site.currentDeployId) : null;
      const { deploy, source, files } = await prepare(site, current);
      const log = this.openLog(em, deploy.id);
      const link = this.deps.data.deploy(site.slug, deploy.id);
      try {
        await state.setDeploy(deploy, 'PUBLISHING');
        log.system(`rolling back to deploy #${source.number} (${source.id})`);
        await symlink(source.id, link);
        await this.switchTo(em, deploy, site.id, files, log, {
          live: `live at ${site.slug}: the files of deploy #${source.number}`,
        });
      } catch (err) {
        await rm(link, { force: true });
        await endUnpublished(state, log, deploy.id, site.id, err);
        throw err;
      } finally {
        await log.close();
      }
      return deploy;
    });
  }

  /**
   * A settings change that changes how the site is served (SPA fallback, domains), or recovery after a crash
   * (pipeline/reconcile.ts): the current deploy's files again, with the site's settings (its permalink takes
   * them too; earlier deploys keep theirs). Logged in the current deploy's log. Throws, leaving the site
   * served as before, when it cannot be applied.
   */
  async reapply(
    em: EntityManager,
    siteId: string,
    reason = 'site settings changed: serving this deploy with them',
  ): Promise<void> {
    const state = new DeployState(em, this.deps.bus, this.deps.now);
    await this.deps.locks.run(siteId, async () => {
      const site = await state.site(siteId);
      const current = site?.currentDeployId ? await state.deploy(site.currentDeployId) : null;
      if (!site || !current) return;
      const log = await this.appendLog(em, current.id);
      try {
        log.system(reason);
        const files = this.deps.data.deploy(site.slug, current.id);
        const applied = await this.serve(site, { id: current.id, files }, log);
        // A no-op after a settings change; after a crash mid-switch it puts back what the database says.
        await switchCurrent(this.deps.data.current(site.slug), current.id);
        // A change of domains recreates the container, which may publish another loopback port.
        if (applied.localPort !== site.localPort) await state.setSite(site, { localPort: applied.localPort });
      } catch (err) {
        log.system(`settings not applied: ${failureMessage(err)}`);
        if (!(err instanceof DomainError)) console.error(`settings of site ${siteId} not applied:`, err);
        throw err;
      } finally {
        await log.close();
      }
    });
  }

  /**
   * A BRANCH or PREVIEW deploy (issue 15) goes live at its own host, under the site lock: the runtime serves
   * its files there (the site's hosts keep serving the current deploy), then it is LIVE and the earlier
   * deploy of the same branch or pull request is SUPERSEDED and its files removed. Never touches `current`.
   */
  async activateContext(
    em: EntityManager,
    deploy: Deploy,
    siteId: string,
    files: string,
    log: ActivationLog,
    opts: { beforeLive?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.deps.locks.run(siteId, async () => {
      const state = new DeployState(em, this.deps.bus, this.deps.now);
      const site = await state.site(siteId);
      if (!site) throw new NotFoundError(`No site ${siteId}`);
      const label = contextLabel(deploy, site.slug);
      if (!label) throw new Error(`deploy ${deploy.id} has no ${deploy.context.toLowerCase()} host`);
      const spec = siteSpec(site, this.deps.secrets);
      const current = site.currentDeployId
        ? { id: site.currentDeployId, files: this.deps.data.deploy(site.slug, site.currentDeployId) }
        : null;
      try {
        const applied = await this.deps.runtime.applyContext(
          spec,
          current,
          { id: deploy.id, files },
          label,
          log,
        );
        const notServing = await this.deps.runtime.waitUntilServing(spec, applied);
        if (notServing)
          log.system(`warning: could not confirm that the new server config is serving (${notServing})`);
      } catch (err) {
        await this.deps.runtime.forget(spec, [deploy.id]).catch(() => {});
        throw err;
      }
      log.system(`live at ${label} (deploy ${deploy.id}); the site's own hosts are unchanged`);
      // The new deploy serves the host now: earlier ones of the branch or pull request go before LIVE is
      // stored, so LIVE means the replaced files are gone too.
      const earlier = await this.contextDeploys(em, site, deploy, deploy.id);
      await this.dropFiles(state, site, earlier);
      if (earlier.length > 0)
        log.system(`removed the files of ${earlier.length} earlier deploy(s) of ${label}`);
      await opts.beforeLive?.();
      await log.flush();
      await state.setDeploy(deploy, 'LIVE');
      state.publishSite(site); // the site page lists its branch and preview deploys
    });
  }

  /**
   * Takes a branch's or pull request's host down (issue 15): the runtime stops answering it (404) and the
   * files of its deploys are removed; their rows and logs stay. Returns how many deploys lost their files.
   */
  async removeContext(
    em: EntityManager,
    siteId: string,
    target: Pick<Deploy, 'context'> & Partial<Pick<Deploy, 'branch' | 'pullRequest'>>,
  ): Promise<number> {
    return this.deps.locks.run(siteId, async () => {
      const state = new DeployState(em, this.deps.bus, this.deps.now);
      const site = await state.site(siteId);
      if (!site) return 0;
      const key = {
        context: target.context,
        branch: target.branch ?? null,
        pullRequest: target.pullRequest ?? null,
      };
      const label = contextLabel(key, site.slug);
      if (!label) return 0;
      await this.deps.runtime.removeContext(siteSpec(site, this.deps.secrets), label);
      const served = await this.contextDeploys(em, site, key, null);
      await this.dropFiles(state, site, served);
      return served.length;
    });
  }

  /** Deploys of one branch or pull request that still have files (but `except`). */
  private contextDeploys(
    em: EntityManager,
    site: Site,
    key: Pick<Deploy, 'context' | 'branch' | 'pullRequest'>,
    except: string | null,
  ): Promise<Deploy[]> {
    return em.find(DeployEntity, {
      siteId: site.id,
      context: key.context,
      ...(key.context === 'PREVIEW' ? { pullRequest: key.pullRequest } : { branch: key.branch }),
      status: { $in: ['LIVE', 'SUPERSEDED'] },
      filesPrunedAt: null,
      ...(except ? { id: { $ne: except } } : {}),
    });
  }

  private async dropFiles(state: DeployState, site: Site, deploys: Deploy[]): Promise<void> {
    if (deploys.length === 0) return;
    await this.deps.runtime.forget(
      siteSpec(site, this.deps.secrets),
      deploys.map((d) => d.id),
    );
    for (const d of deploys) {
      await rm(this.deps.data.deploy(site.slug, d.id), { recursive: true, force: true });
      await state.setDeploy(d, 'SUPERSEDED', { filesPrunedAt: this.deps.now?.() ?? new Date() });
    }
  }

  /** The running app's output of a SERVER site's `deployId` (issue 14): its last lines, then live ones. */
  runtimeLog(slug: string, deployId: string, tail: number) {
    return this.deps.runtime.appLog(slug, deployId, { tail, follow: true });
  }

  /** How a SERVER site's app of `deployId` is doing (issue 14). */
  appStatus(slug: string, deployId: string) {
    return this.deps.runtime.appStatus(slug, deployId);
  }

  /** Stops serving a site (before it is deleted). */
  async retire(slug: string): Promise<void> {
    await this.deps.runtime.remove(slug);
  }

  /** `activate` without taking the lock: the caller holds it. */
  private async switchTo(
    em: EntityManager,
    deploy: Deploy,
    siteId: string,
    files: string,
    log: ActivationLog,
    opts: { live?: string; beforeLive?: () => Promise<void> },
  ): Promise<void> {
    const state = new DeployState(em, this.deps.bus, this.deps.now);
    // What is current now, not when the deploy began: a rollback may have run meanwhile.
    const site = await state.site(siteId);
    if (!site) throw new NotFoundError(`No site ${siteId}`);
    const previous = site.currentDeployId ? await state.deploy(site.currentDeployId) : null;
    let applied: Applied;
    try {
      applied = await this.serve(site, { id: deploy.id, files }, log);
      await switchCurrent(this.deps.data.current(site.slug), deploy.id);
    } catch (err) {
      // A deploy that never went live leaves no permalink behind (its files are removed too).
      await this.deps.runtime.forget(siteSpec(site, this.deps.secrets), [deploy.id]).catch(() => {});
      throw err;
    }
    log.system(opts.live ?? `live at ${site.slug} (deploy ${deploy.id})`);
    await this.prune(em, site, deploy.id, log);
    await opts.beforeLive?.();
    await log.flush();
    await state.goLive(deploy, site, previous, { localPort: applied.localPort });
    // A server app's predecessor drains and stops now, still under the site lock (after LIVE: the log is
    // complete, and a slow drain does not hold the deploy).
    const unsettled = await this.deps.runtime
      .settle(siteSpec(site, this.deps.secrets), deploy.id)
      .catch((err: Error) => err.message);
    if (unsettled) console.warn(`site ${site.slug}: ${unsettled}`);
  }

  private async serve(site: Site, deploy: DeployFiles, log: ActivationLog): Promise<Applied> {
    const spec = siteSpec(site, this.deps.secrets);
    const applied = await this.deps.runtime.apply(spec, deploy, log);
    const notServing = await this.deps.runtime.waitUntilServing(spec, applied);
    if (notServing)
      log.system(`warning: could not confirm that the new server config is serving (${notServing})`);
    return applied;
  }

  /** Stage 5, retention. Never fails the deploy: the new files are already live. */
  private async prune(em: EntityManager, site: Site, serving: string, log: ActivationLog): Promise<void> {
    try {
      const { data, runtime, keepDeploys } = this.deps;
      const pruned = await pruneDeploys(
        em,
        data,
        (ids) => runtime.forget(siteSpec(site, this.deps.secrets), ids),
        site,
        keepDeploys,
        serving,
      );
      if (pruned > 0) log.system(`retention: removed the files of ${pruned} older deploy(s)`);
    } catch (err) {
      log.system(`warning: retention failed (${(err as Error).message}); older deploys were kept`);
    }
  }

  private openLog(em: EntityManager, deployId: string, lastSeq = 0): LogSink {
    const file = this.deps.data.log(deployId);
    return new LogSink({ deployId, em: em.fork(), bus: this.deps.bus, file, lastSeq, now: this.deps.now });
  }

  /** A sink that continues a finished deploy's log after its last line. */
  private async appendLog(em: EntityManager, deployId: string): Promise<LogSink> {
    const last = await em.fork().findOne(LogLineEntity, { deployId }, { orderBy: { seq: 'desc' } });
    return this.openLog(em, deployId, last?.seq ?? 0);
  }
}

/**
 * How every deploy that does not go live ends, deploys and rollbacks alike: the reason in its log and in
 * `Deploy.error` (a DomainError's own message, which says what to do; anything else is logged here and
 * summarised), the log flushed, then the final status.
 */
export async function endUnpublished(
  state: DeployState,
  log: ActivationLog,
  deployId: string,
  siteId: string,
  err: unknown,
  cancelled = false,
): Promise<void> {
  const message = cancelled ? null : failureMessage(err);
  log.system(cancelled ? 'deploy cancelled' : `deploy failed: ${message}`);
  if (!cancelled && !(err instanceof DomainError)) console.error(`deploy ${deployId} failed:`, err);
  await log.flush();
  await state.end(deployId, siteId, cancelled ? 'CANCELLED' : 'FAILED', message);
}

function failureMessage(err: unknown): string {
  if (err instanceof DomainError) return err.message;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return 'The server ran out of disk space';
  return 'Internal error while deploying (see the server log)';
}
