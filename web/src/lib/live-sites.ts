import { createResource, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { api, type SiteSummary } from './api';
import { onReconnect } from './client';
import { upsertSites } from './snapshots';

/**
 * Every site, kept current by siteUpdated (no id): one query, then events. Events that arrive before the
 * query answers are held and merged in; after a reconnect the list is fetched again, since events sent
 * while the socket was away are gone. Reconciled by id, so a card updates in place and keeps focus.
 */
export function createLiveSites() {
  const [state, setState] = createStore<{ list: SiteSummary[] }>({ list: [] });
  const set = (list: SiteSummary[]) => setState('list', reconcile(list, { key: 'id', merge: true }));
  let early: SiteSummary[] = [];

  const [loaded] = createResource(async () => {
    set(upsertSites(await api.sites(), early));
    early = [];
    return true;
  });
  const apply = (site: SiteSummary) => {
    if (loaded.state !== 'ready') early.push(site);
    else set(upsertSites(unwrap(state.list), [site]));
  };
  onCleanup(api.watchSites({ next: apply }));
  onCleanup(
    onReconnect(() => {
      api.sites().then(set, () => {});
    }),
  );
  return {
    loaded,
    sites: () => state.list,
    /** Drops a site deleted here (deletions are not broadcast). */
    remove: (id: string) => set(unwrap(state.list).filter((s) => s.id !== id)),
  };
}
