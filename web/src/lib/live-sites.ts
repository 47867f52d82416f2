import { type Accessor, createResource, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { api, type SiteSummary } from './api';
import { onReconnect } from './client';
import { upsertSites } from './snapshots';
import type { SitesScope } from './teams';

/**
 * The sites of `scope` (one team's, or every site for the admin token), kept current by siteUpdated (no
 * id): one query, then events. The server sends events of every team the viewer is in, so an event of
 * another team is dropped here. Events that arrive before the query answers are held and merged in; after
 * a reconnect, or when the scope changes, the list is fetched again. Reconciled by id, so a card updates in
 * place and keeps focus.
 */
export function createLiveSites(scope: Accessor<SitesScope | undefined>) {
  const [state, setState] = createStore<{ list: SiteSummary[] }>({ list: [] });
  const set = (list: SiteSummary[]) => setState('list', reconcile(list, { key: 'id', merge: true }));
  const inScope = (site: SiteSummary, s = scope()) => !!s && (s.teamId === null || site.team.id === s.teamId);
  const fetchList = (s: SitesScope) => (s.teamId === null ? api.sites() : api.teamSites(s.teamId));
  let early: SiteSummary[] = [];

  const [loaded] = createResource(scope, async (s) => {
    const list = await fetchList(s);
    // A newer scope was chosen meanwhile: its own fetch fills the list.
    if (scope()?.teamId !== s.teamId) return true;
    set(
      upsertSites(
        list,
        early.filter((site) => inScope(site, s)),
      ),
    );
    early = [];
    return true;
  });
  const apply = (site: SiteSummary) => {
    if (loaded.state !== 'ready') early.push(site);
    else if (inScope(site)) set(upsertSites(unwrap(state.list), [site]));
  };
  onCleanup(api.watchSites({ next: apply }));
  onCleanup(
    onReconnect(() => {
      const s = scope();
      if (s)
        fetchList(s).then(
          (list) => scope()?.teamId === s.teamId && set(list),
          () => {},
        );
    }),
  );
  return {
    loaded,
    sites: () => state.list,
    /** Drops a site deleted here (deletions are not broadcast). */
    remove: (id: string) => set(unwrap(state.list).filter((s) => s.id !== id)),
  };
}
