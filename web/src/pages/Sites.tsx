import { type Component, createMemo, For, Show } from 'solid-js';
import { SiteCard } from '../components/SiteCard';
import { Loading } from '../components/States';
import { createLiveSites } from '../lib/live-sites';
import { Link } from '../lib/router';
import { currentTeam, sitesScope, viewer } from '../lib/teams';

/**
 * The current team's sites (every site for the admin token), live: statuses change as deploys run, new
 * sites appear without a reload, and choosing another team in the header lists its sites instead.
 */
export const SitesPage: Component = () => {
  const scope = createMemo(sitesScope, undefined, { equals: (a, b) => a?.teamId === b?.teamId });
  const { loaded, sites } = createLiveSites(scope);
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
      <Show when={loaded()} fallback={<Loading />}>
        <Show when={sites().length > 0} fallback={<NoSites />}>
          <ul class="site-grid">
            <For each={sites()}>{(site) => <SiteCard site={site} />}</For>
          </ul>
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
