import { type Component, For, Show } from 'solid-js';
import { SiteCard } from '../components/SiteCard';
import { createLiveSites } from '../lib/live-sites';
import { Link } from '../lib/router';

/** Every site, live: statuses change as deploys run, new sites appear without a reload. */
export const SitesPage: Component = () => {
  const { loaded, sites } = createLiveSites();
  return (
    <section aria-labelledby="sites-title">
      <div class="page-head">
        <h1 id="sites-title" tabindex="-1">
          Sites
        </h1>
        <Link href="/new" class="btn btn-primary">
          New site
        </Link>
      </div>
      <Show when={loaded() && sites().length > 0} fallback={<NoSites />}>
        <ul class="site-grid">
          <For each={sites()}>{(site) => <SiteCard site={site} />}</For>
        </ul>
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
