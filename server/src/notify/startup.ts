import { SiteEntity } from '../db/entities.js';
import type { Orm } from '../db/orm.js';
import type { PubSub } from '../events/pubsub.js';
import { DeployState } from '../pipeline/state.js';
import type { SiteRuntime } from '../runtime/ports.js';

/**
 * Run at start, before recovery serves every site again: a LIVE site whose server is not running died
 * while the control plane was off. It is DOWN now (one incident, one SITE_DOWN); once recovery has started
 * it again, the site watcher's first resync finds it running and records RECOVERED.
 */
export async function recordDownWhileAway(deps: { orm: Orm; bus: PubSub; runtime: SiteRuntime }) {
  const em = deps.orm.em.fork();
  const running = new Map((await deps.runtime.list()).map((s) => [s.siteId, s.running]));
  const state = new DeployState(em, deps.bus);
  for (const site of await em.find(SiteEntity, { status: 'LIVE', currentDeployId: { $ne: null } })) {
    if (running.get(site.id)) continue;
    await state.setSite(
      site,
      { status: 'DOWN' },
      running.has(site.id) ? 'found stopped at start' : 'found missing at start',
    );
  }
}
