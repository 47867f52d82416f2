import { createEffect, createResource, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { DeployStatus } from '../gql/graphql';
import { api, type DeploySummary, type SiteDetail } from './api';
import { onReconnect } from './client';
import { currentAfter } from './rollback';
import { isActive, mergeDeploys } from './snapshots';

// Deploys that can still change status.
const changes = (status: DeployStatus) => isActive(status) || status === 'LIVE';

/**
 * One site with its deploys, kept current by subscriptions: siteUpdated(id) for the site, and
 * deployUpdated for each deploy that can still change: those under way, and the live one, which a
 * newer deploy supersedes without a site event.
 * The store is reconciled by id, so a status change updates a row in place and focus stays put.
 */
export function createLiveSite(id: string) {
  const [state, setState] = createStore<{ site: SiteDetail | null }>({ site: null });
  let early: SiteDetail[] = [];

  const applySite = (incoming: SiteDetail) => {
    const current = unwrap(state.site);
    const keep = current && Date.parse(current.updatedAt) > Date.parse(incoming.updatedAt);
    const base = keep ? current : incoming;
    const deploys = mergeDeploys(current?.deploys ?? [], incoming.deploys);
    setState('site', reconcile({ ...base, deploys }, { key: 'id', merge: true }));
  };

  const applyDeploy = (deploy: DeploySummary) => {
    if (!state.site) return;
    const before = unwrap(state.site.deploys);
    const deploys = mergeDeploys(before, [deploy]);
    setState('site', 'deploys', reconcile(deploys, { key: 'id', merge: true }));
    // A deploy (a rollback above all) answers LIVE before the site's own event says it is current.
    const currentId = state.site.currentDeploy?.id;
    const next = currentAfter(before, currentId, deploy);
    if (next && next !== currentId) setState('site', 'currentDeploy', { id: next });
  };
  const refresh = () =>
    api.site(id).then(
      (site) => site && applySite(site),
      () => {},
    );

  // Read by the page: suspends until the first answer, and carries a failed load to the error boundary.
  const [loaded] = createResource(async () => {
    const site = await api.site(id);
    if (site) {
      applySite(site);
      for (const e of early) applySite(e);
    }
    early = [];
    return site !== null;
  });

  onCleanup(
    api.watchSite(id, {
      next: (site) => (loaded.state === 'ready' ? applySite(site) : early.push(site)),
    }),
  );
  onCleanup(onReconnect(() => void refresh()));

  const watching = new Map<string, () => void>();
  createEffect(() => {
    const active = new Set((state.site?.deploys ?? []).filter((d) => changes(d.status)).map((d) => d.id));
    for (const [deployId, stop] of watching) {
      if (!active.has(deployId)) {
        stop();
        watching.delete(deployId);
      }
    }
    for (const deployId of active) {
      if (!watching.has(deployId)) watching.set(deployId, api.watchDeploy(deployId, { next: applyDeploy }));
    }
  });
  onCleanup(() => {
    for (const stop of watching.values()) stop();
  });

  return {
    loaded,
    site: () => state.site,
    applySite,
    /** Fetches the site once (after a reconnect, or when the user asks for webhook deliveries). */
    refresh,
    /** A deploy this page started: shown at once; one fetch closes the gap before its subscription. */
    addDeploy(deploy: DeploySummary) {
      applyDeploy(deploy);
      queueMicrotask(() => {
        api.deploy(deploy.id).then(
          (d) => d && applyDeploy(d),
          () => {},
        );
      });
    },
  };
}
