import { type Component, createSignal, For, Match, Show, Switch } from 'solid-js';
import { GitSiteForm } from '../components/GitSiteForm';
import { ZipSiteForm } from '../components/ZipSiteForm';
import { currentTeam, viewer } from '../lib/teams';

type Source = 'zip' | 'git';
const TABS: { id: Source; label: string }[] = [
  { id: 'zip', label: 'Upload a zip' },
  { id: 'git', label: 'Git repository' },
];

/** A new site, from a zip or a git repository (tabs with arrow-key movement, as the ARIA pattern has it). */
export const NewSitePage: Component = () => {
  const [tab, setTab] = createSignal<Source>('zip');
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab());
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <section aria-labelledby="new-title" class="narrow">
      <div class="page-head">
        <h1 id="new-title" tabindex="-1">
          New site
        </h1>
      </div>
      <Show when={(viewer()?.teams.length ?? 0) > 1 && currentTeam()}>
        {(team) => (
          <p class="muted" id="new-site-team">
            For the team <strong>{team().name}</strong> (change it with the team switcher in the header).
          </p>
        )}
      </Show>
      <div class="card">
        <div role="tablist" aria-label="Source" class="tabs" onKeyDown={onKey}>
          <For each={TABS}>
            {(t) => (
              <button
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab() === t.id}
                aria-controls={`panel-${t.id}`}
                tabindex={tab() === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            )}
          </For>
        </div>
        <div role="tabpanel" id={`panel-${tab()}`} aria-labelledby={`tab-${tab()}`} class="tab-panel">
          <Switch>
            <Match when={tab() === 'zip'}>
              <ZipSiteForm />
            </Match>
            <Match when={tab() === 'git'}>
              <GitSiteForm />
            </Match>
          </Switch>
        </div>
      </div>
    </section>
  );
};
