import { type Component, createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { SiteCard } from '../components/SiteCard';
import { Loading } from '../components/States';
import { createLiveSites } from '../lib/live-sites';
import { Link } from '../lib/router';
import { currentTeam, sitesScope, viewer } from '../lib/teams';

/** How long typing pauses before the list is searched: one query per word, not per keystroke. */
const SEARCH_PAUSE_MS = 250;

/**
 * The current team's sites (every site for the admin token), live: statuses change as deploys run, new
 * sites appear without a reload, and choosing another team in the header lists its sites instead. A page
 * at a time with "Show more", searchable by name or slug on the server, so a thousand sites stay quick.
 */
export const SitesPage: Component = () => {
  const scope = createMemo(sitesScope, undefined, { equals: (a, b) => a?.teamId === b?.teamId });
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  let pause: ReturnType<typeof setTimeout> | undefined;
  const onSearch = (text: string) => {
    setTyped(text);
    clearTimeout(pause);
    pause = setTimeout(() => setSearch(text), SEARCH_PAUSE_MS);
  };
  onCleanup(() => clearTimeout(pause));
  const list = createLiveSites(scope, search);
  const { loaded, sites } = list;
  const [moreError, setMoreError] = createSignal<string | null>(null);
  const showMore = () => {
    setMoreError(null);
    list.loadMore().catch((e: unknown) => setMoreError(e instanceof Error ? e.message : String(e)));
  };
  const teamName = () => (viewer()?.user && (viewer()?.teams.length ?? 0) > 1 ? currentTeam()?.name : null);
  return (
    <section aria-labelledby="sites-title">
      <div class="page-head">
        <h1 id="sites-title" tabindex="-1">
          Sites
          <Show when={teamName()}>{(name) => <span class="muted title-team"> · {name()}</span>}</Show>
        </h1>
        <Link href="/new" class="btn btn-primary">
          New site
        </Link>
      </div>
      <Show when={sites().length > 0 || typed() !== ''}>
        <div class="site-search">
          <label for="site-search" class="visually-hidden">
            Search sites
          </label>
          <input
            id="site-search"
            type="search"
            placeholder="Search by name or slug"
            value={typed()}
            onInput={(e) => onSearch(e.currentTarget.value)}
            spellcheck={false}
            autocapitalize="off"
            maxLength={100}
          />
        </div>
      </Show>
      <Show when={loaded()} fallback={<Loading />}>
        <Show
          when={sites().length > 0}
          fallback={
            <Show when={search().trim() !== ''} fallback={<NoSites />}>
              <p class="muted" role="status">
                No sites match “{search().trim()}”.
              </p>
            </Show>
          }
        >
          <ul class="site-grid">
            <For each={sites()}>{(site) => <SiteCard site={site} />}</For>
          </ul>
          <div class="list-more">
            <Show
              when={!list.complete()}
              fallback={
                <p class="muted" role="status">
                  {sites().length === 1 ? '1 site' : `${sites().length} sites`}
                </p>
              }
            >
              <button type="button" class="btn" onClick={showMore} disabled={list.loadingMore()}>
                {list.loadingMore() ? 'Loading…' : 'Show more'}
              </button>
              <Show when={moreError()}>
                {(message) => (
                  <p class="text-error" role="alert">
                    {message()}
                  </p>
                )}
              </Show>
            </Show>
          </div>
        </Show>
      </Show>
    </section>
  );
};

const NoSites: Component = () => (
  <div class="empty card">
    <h2>No sites yet</h2>
    <p class="muted">
      Upload a zip of a built site, or point Launchpad at a git repository it builds on every push.
    </p>
    <Link href="/new" class="btn btn-primary">
      Deploy your first site
    </Link>
  </div>
);
