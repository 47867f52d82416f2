import { SiteEntity } from '../db/entities.js';
import type { ContainerWatchDeps } from './container-watch.js';
import { siteSpec } from './site-spec.js';
import { DeployState } from './state.js';

/** The watcher's dependencies are the container watcher's own (it runs inside it), plus the policy's grace. */
export type AppWatchDeps = Pick<
  ContainerWatchDeps,
  'orm' | 'bus' | 'runtime' | 'locks' | 'secrets' | 'data' | 'maxRestarts'
> & {
  /** How long Docker's own restart policy gets to start a stopped app before Launchpad looks. */
  policyGraceMs?: number;
};

const POLICY_GRACE_MS = 3000;

/**
 * Keeps each SERVER site's current app running where Docker's `on-failure` policy does not (issue 14): an
 * app container removed behind Launchpad's back, one the policy gave up on or never restarts (a clean exit,
 * a `docker stop`), and every app after an engine restart (`resync`). The decision is taken under the site
 * lock against the database, so an app Launchpad retired itself (blue/green's old app, a failed deploy's,
 * a deleted site's) is never started back: only the current deploy's app of an existing site is.
 */
export class AppWatch {
  /** Revivals per `siteId:deployId`: a crash-looping app is revived at most `maxRestarts` times. */
  private readonly revivals = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: AppWatchDeps,
    private readonly track: (work: Promise<void>) => void,
  ) {}

  /** An app container of the site stopped or went: looked at once its restart policy had its chance. */
  down(siteId: string): void {
    if (this.timers.has(siteId) || this.deps.maxRestarts === 0) return;
    const timer = setTimeout(() => {
      this.timers.delete(siteId);
      this.track(this.check(siteId, false));
    }, this.deps.policyGraceMs ?? POLICY_GRACE_MS);
    timer.unref();
    this.timers.set(siteId, timer);
  }

  /** The engine (re)connected: events of the gap are lost, and an engine restart stops every app. */
  async resync(): Promise<void> {
    if (this.deps.maxRestarts === 0) return;
    const sites = await this.deps.orm.em
      .fork()
      .find(SiteEntity, { kind: 'SERVER', currentDeployId: { $ne: null } }, { fields: ['id'] });
    // One at a time: each may wait for its app's health check.
    for (const { id } of sites) await this.check(id, true);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async check(siteId: string, engineRestarted: boolean): Promise<void> {
    await this.deps.locks.run(siteId, async () => {
      const site = await new DeployState(this.deps.orm.em.fork(), this.deps.bus).site(siteId);
      if (site?.kind !== 'SERVER' || !site.currentDeployId) return;
      const deployId = site.currentDeployId;
      const { state } = await this.deps.runtime.appStatus(site.slug, deployId);
      if (state === 'RUNNING' || state === 'RESTARTING') return;
      const key = `${siteId}:${deployId}`;
      // An engine restart stops healthy apps too: it is no sign of a crash loop.
      const revived = engineRestarted ? 0 : (this.revivals.get(key) ?? 0);
      if (revived >= this.deps.maxRestarts) {
        console.error(`app watcher: ${site.slug}'s app is ${state} after ${revived} revivals; giving up`);
        return;
      }
      this.revivals.set(key, revived + 1);
      const deploy = { id: deployId, files: this.deps.data.deploy(site.slug, deployId) };
      await this.deps.runtime.reconcileApps([{ site: siteSpec(site, this.deps.secrets), deploy }], {
        sites: [siteId],
      });
      console.warn(`app watcher: ${site.slug}'s app was ${state}; running it again`);
    });
  }
}
