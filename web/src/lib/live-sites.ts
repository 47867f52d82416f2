import { type Accessor, createMemo, createResource, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { api, type SiteSummary } from './api';
import { onReconnect } from './client';
import { SITES_PAGE } from './sites-page';
import { mergeSitePage } from './snapshots';
import type { SitesScope } from './teams';

/** The longest page the server answers (services/site-list.ts): a reconnect refetches at most this many. */
const MAX_PAGE = 500;

/** Which list is shown: a team's (every site for the admin token), narrowed by a search text. */
interface ListKey {
  teamId: string | null;
  search: string;
}

/**
 * The sites of `scope` matching `search`, a page at a time, kept current by siteUpdated (no id): queries
 * for the pages, then events. The server sends events of every team the viewer is in, so an event of
 * another team, or of a site the search leaves out, is dropped here, and one of a site on a page not
 * loaded yet waits for that page (snapshots.ts, mergeSitePage). Events that arrive before the first page
 * answers are held and merged in; after a reconnect, or when the scope or the search changes, the loaded
 * pages are fetched again. Reconciled by id, so a card updates in place and keeps focus.
 */
export function createLiveSites(scope: Accessor<SitesScope | undefined>, search: Accessor<string>) {
  const [state, setState] = createStore<{ list: SiteSummary[]; complete: boolean; loadingMore: boolean }>({
    list: [],
    complete: false,
    loadingMore: false,
  });
  const set = (list: SiteSummary[], complete = state.complete) => {
    setState('list', reconcile(list, { key: 'id', merge: true }));
    setState('complete', complete);
  };
  const key = createMemo<ListKey | undefined>(
    () => {
      const s = scope();
      return s && { teamId: s.teamId, search: search().trim().toLowerCase() };
    },
    undefined,
    { equals: (a, b) => a?.teamId === b?.teamId && a?.search === b?.search },
  );
  const same = (a: ListKey | undefined, b: ListKey) => a?.teamId === b.teamId && a?.search === b.search;
  const shows = (site: SiteSummary, k: ListKey) =>
    (k.teamId === null || site.team.id === k.teamId) &&
    (k.search === '' || site.name.toLowerCase().includes(k.search) || site.slug.includes(k.search));

  /** `first` sites after `after`; asks for one more to learn whether the list goes on. */
  const fetchPage = async (k: ListKey, first: number, after: string | null = null) => {
    const page = { first: first + 1, after, search: k.search || null };
    const sites = await (k.teamId === null ? api.sites(page) : api.teamSites(k.teamId, page));
    return { sites: sites.slice(0, first), complete: sites.length <= first };
  };

  let early: SiteSummary[] = [];
  const [loaded] = createResource(key, async (k) => {
    const { sites, complete } = await fetchPage(k, SITES_PAGE);
    // A newer scope or search was chosen meanwhile: its own fetch fills the list.
    if (!same(key(), k)) return true;
    const held = early.filter((site) => shows(site, k));
    early = [];
    set(mergeSitePage(sites, held, complete), complete);
    return true;
  });

  const apply = (site: SiteSummary) => {
    const k = key();
    if (loaded.state !== 'ready') early.push(site);
    else if (k && shows(site, k)) set(mergeSitePage(unwrap(state.list), [site], state.complete));
  };
  onCleanup(api.watchSites({ next: apply }));
  onCleanup(
    onReconnect(() => {
      const k = key();
      if (!k) return;
      const first = Math.min(Math.max(state.list.length, SITES_PAGE), MAX_PAGE);
      fetchPage(k, first).then(
        ({ sites, complete }) => same(key(), k) && set(sites, complete),
        () => {},
      );
    }),
  );

  return {
    loaded,
    sites: () => state.list,
    /** Whether the loaded pages are the whole list. */
    complete: () => state.complete,
    loadingMore: () => state.loadingMore,
    /** The next page, after the last loaded site. */
    async loadMore(): Promise<void> {
      const k = key();
      const last = state.list.at(-1);
      if (!k || !last || state.complete || state.loadingMore) return;
      setState('loadingMore', true);
      try {
        const { sites, complete } = await fetchPage(k, SITES_PAGE, last.id);
        if (same(key(), k)) set(mergeSitePage([...unwrap(state.list), ...sites], [], complete), complete);
      } finally {
        setState('loadingMore', false);
      }
    },
  };
}
