import { SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import type { Site } from '../domain/model.js';
import type { PubSub } from '../events/pubsub.js';
import type { SiteRuntime, SiteRuntimeEvent } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import { AppWatch } from './app-watch.js';
import type { DataDir } from './data-dir.js';
import type { SiteLock } from './site-locks.js';
import { siteSpec } from './site-spec.js';
import { DeployState } from './state.js';

export interface ContainerWatchDeps {
  orm: Orm;
  bus: PubSub;
  runtime: SiteRuntime;
  locks: SiteLock;
  /** Opens a server app's secret env vars (the spec carries them). */
  secrets: SecretBox;
  /** Where a server app's deploy files are (issue 14: its app is run again from them). */
  data: DataDir;
  /** LAUNCHPAD_SITE_RESTARTS: restarts in a row before giving up (0: report only, never restart). */
  maxRestarts: number;
  /** Wait before restart number `attempt` (0-based). */
  backoffMs?: (attempt: number) => number;
  /** A server that stays up this long after a restart has recovered: the count of restarts starts over. */
  stableMs?: number;
}

/** 1 s, 2 s, 4 s … capped at a minute. */
export const restartBackoff = (attempt: number) => Math.min(1000 * 2 ** attempt, 60_000);

interface Restarts {
  attempts: number;
  timer: NodeJS.Timeout | null;
  lastRestart: number;
}

/**
 * Keeps live sites served and their status true: a site server that stopped without Launchpad stopping it
 * (killed, crashed, removed behind its back) is reported DOWN and started again with backoff, at most
 * `maxRestarts` times in a row; once it runs again the site is LIVE. Docker's own restart policy does not
 * cover a `docker kill`, and it never tells the database. Reads the runtime's event stream (shared with
 * other listeners) and, whenever that stream (re)connects, compares the sites that should run with what runs.
 * Every decision is taken under the site lock and against the runtime's current state, so a server an
 * activation replaced, or one a deleted site lost, is never started back.
 */
export class ContainerWatch {
  private readonly restarts = new Map<string, Restarts>();
  private unsubscribe: (() => void) | null = null;
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;
  private readonly apps: AppWatch;

  constructor(private readonly deps: ContainerWatchDeps) {
    this.apps = new AppWatch(deps, (work) => this.track(work));
  }

  /** Starts watching (again, after a stop: a control plane that leads again resumes the watch). */
  start(): void {
    this.stopped = false;
    this.unsubscribe = this.deps.runtime.watch((event) => this.track(this.handle(event)));
  }

  /** Stops watching and restarting; waits for a decision in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const r of this.restarts.values()) if (r.timer) clearTimeout(r.timer);
    this.restarts.clear();
    this.apps.stop();
    await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch((err) => console.error('site watcher:', err));
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
  }

  private async handle(event: SiteRuntimeEvent): Promise<void> {
    if (this.stopped) return;
    if (event.kind === 'resync') {
      await this.resync();
      return this.apps.resync();
    }
    if (event.kind === 'app-down') return this.apps.down(event.siteId);
    if (event.kind === 'up') return this.up(event.siteId);
    return this.down(event.siteId, event.reason, event.serverId);
  }

  /** Sites that should run and do not are down; DOWN sites that run again are up. */
  private async resync(): Promise<void> {
    const em = this.deps.orm.em.fork();
    const sites = await em.find(SiteEntity, {});
    const running = new Map((await this.deps.runtime.list()).map((s) => [s.siteId, s.running]));
    for (const site of sites) {
      if (!site.currentDeployId) continue;
      if (running.get(site.id)) {
        if (site.status === 'DOWN') await this.up(site.id);
      } else await this.down(site.id, running.has(site.id) ? 'found stopped' : 'found missing', null);
    }
  }

  private async down(siteId: string, reason: string, serverId: string | null): Promise<void> {
    const confirmed = await this.deps.locks.run(siteId, async () => {
      const { state, site } = await this.servedSite(siteId);
      // The engine may still list the dying server as running: only another server running means replaced.
      if (!site || (await this.runsOtherThan(siteId, serverId))) return false;
      if (site.status === 'LIVE') {
        console.warn(`site watcher: ${site.slug} is down (${reason})`);
        await state.setSite(site, { status: 'DOWN' }, reason);
      }
      return true;
    });
    if (confirmed) this.scheduleRestart(siteId);
  }

  private async up(siteId: string): Promise<void> {
    await this.deps.locks.run(siteId, async () => {
      // Trusted as it comes (the engine may not list it as running yet); a later `die` comes after it.
      const { state, site } = await this.servedSite(siteId);
      if (!site) return;
      // A restarted container may have a new loopback port.
      const { localPort } = await this.deps.runtime.endpoint(site.slug);
      const status = site.status === 'DOWN' ? 'LIVE' : site.status;
      if (status !== site.status || localPort !== site.localPort) {
        if (status !== site.status) console.warn(`site watcher: ${site.slug} is serving again`);
        await state.setSite(site, { status, localPort }, 'its server runs again');
      }
    });
  }

  private scheduleRestart(siteId: string): void {
    const r = this.restarts.get(siteId) ?? { attempts: 0, timer: null, lastRestart: 0 };
    this.restarts.set(siteId, r);
    if (r.timer || this.stopped) return;
    if (r.lastRestart && Date.now() - r.lastRestart > (this.deps.stableMs ?? 60_000)) r.attempts = 0;
    if (r.attempts >= this.deps.maxRestarts) {
      if (this.deps.maxRestarts > 0)
        console.error(`site watcher: site ${siteId} still down after ${r.attempts} restarts; giving up`);
      return;
    }
    const wait = (this.deps.backoffMs ?? restartBackoff)(r.attempts);
    r.timer = setTimeout(() => {
      r.timer = null;
      this.track(this.restart(siteId, r));
    }, wait);
    r.timer.unref();
  }

  private async restart(siteId: string, r: Restarts): Promise<void> {
    if (this.stopped) return;
    let failed = false;
    await this.deps.locks.run(siteId, async () => {
      const { site } = await this.servedSite(siteId);
      if (!site) {
        this.restarts.delete(siteId);
        return;
      }
      if (await this.isRunning(siteId)) return;
      r.attempts++;
      r.lastRestart = Date.now();
      try {
        await this.deps.runtime.revive(siteSpec(site, this.deps.secrets));
        console.warn(`site watcher: restarted ${site.slug} (restart ${r.attempts})`);
      } catch (err) {
        failed = true;
        console.error(`site watcher: restarting ${site.slug} failed:`, (err as Error).message);
      }
    });
    // A container that started here reports `up` itself; one that could not start is tried again.
    if (failed) this.scheduleRestart(siteId);
  }

  /** The site (null unless it exists and has something to serve), with a state writer of its own. */
  private async servedSite(siteId: string): Promise<{ state: DeployState; site: Site | null }> {
    const state = new DeployState(this.deps.orm.em.fork(), this.deps.bus);
    const site = await state.site(siteId);
    return { state, site: site?.currentDeployId ? site : null };
  }

  /** Whether a server of the site runs that is not `serverId` (null: any server). */
  private async runsOtherThan(siteId: string, serverId: string | null): Promise<boolean> {
    return (await this.deps.runtime.list()).some(
      (s) => s.siteId === siteId && s.running && (serverId === null || s.serverId !== serverId),
    );
  }

  private async isRunning(siteId: string): Promise<boolean> {
    return (await this.deps.runtime.list()).some((s) => s.siteId === siteId && s.running);
  }
}
