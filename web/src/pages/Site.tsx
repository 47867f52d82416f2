import { type Accessor, type Component, Show } from 'solid-js';
import { ContextDeploys } from '../components/ContextDeploys';
import { DeleteSite } from '../components/DeleteSite';
import { DeployKeyPanel } from '../components/DeployKeyPanel';
import { DeployList } from '../components/DeployList';
import { DeployWorkflowSettings } from '../components/DeployWorkflowSettings';
import { LogView } from '../components/LogView';
import { RuntimeLog } from '../components/RuntimeLog';
import { SiteActions } from '../components/SiteActions';
import { SiteCharts } from '../components/SiteCharts';
import { SiteHealth } from '../components/SiteHealth';
import { SiteLinks } from '../components/SiteLinks';
import { SiteSettings } from '../components/SiteSettings';
import { StatusBadge } from '../components/StatusBadge';
import { WebhookPanel } from '../components/WebhookPanel';
import { api, type DeploySummary } from '../lib/api';
import { createLiveSite } from '../lib/live-site';
import { atLeast, roleLabel } from '../lib/roles';
import { Link, navigate, type Params } from '../lib/router';

/** /sites/:id (log of the newest deploy, following new ones) and /sites/:id/deploys/:deployId. */
export const SitePage: Component<{ params: Accessor<Params> }> = (props) => (
  <Show when={props.params().id} keyed>
    {(id) => <SiteView id={id} deployId={() => props.params().deployId} />}
  </Show>
);

const SiteView: Component<{ id: string; deployId: Accessor<string | undefined> }> = (props) => {
  const live = createLiveSite(props.id);
  const selected = () => {
    const deploys = live.site()?.deploys ?? [];
    return deploys.find((d) => d.id === props.deployId()) ?? deploys[0];
  };
  const onDeploy = (deploy: DeploySummary) => {
    live.addDeploy(deploy);
    navigate(`/sites/${props.id}`);
  };
  const redeploy = () => api.deploySite(props.id).then(onDeploy);
  return (
    <Show when={live.loaded()} fallback={<NoSuchSite />}>
      <Show when={live.site()}>
        {(site) => (
          <article class="site-page" aria-labelledby="site-title">
            <div class="page-head">
              <div class="title-row">
                <h1 id="site-title" tabindex="-1">
                  {site().name}
                </h1>
                <StatusBadge status={site().status} />
              </div>
              <SiteLinks url={site().url} localUrl={site().localUrl} />
            </div>
            <SiteActions site={site()} onDeploy={onDeploy} />
            <Show when={site().deploys[0]?.status === 'FAILED' && site().deploys[0]}>
              {(d) => (
                <div class="alert alert-error" role="alert">
                  Deploy #{d().number} failed: {d().error ?? 'no reason given'}
                </div>
              )}
            </Show>
            <div class="split">
              <section aria-labelledby="deploys-title" class="card">
                <h2 id="deploys-title">Deploys</h2>
                <DeployList
                  deploys={site().deploys}
                  siteId={site().id}
                  selectedId={selected()?.id}
                  currentId={site().currentDeploy?.id}
                  onDeploy={onDeploy}
                />
              </section>
              <section aria-labelledby="log-title" class="card log-card">
                <h2 id="log-title">Log{selected() ? ` of deploy #${selected()?.number}` : ''}</h2>
                <Show when={selected()} keyed fallback={<p class="muted">No deploy yet.</p>}>
                  {(d) => <LogView deployId={d.id} number={d.number} />}
                </Show>
              </section>
            </div>
            <SiteHealth siteId={site().id} status={site().status} />
            <SiteCharts siteId={site().id} deployCount={site().deploys.length} />
            <ContextDeploys siteId={site().id} deploys={site().deploys} />
            <Show when={site().sourceType === 'GIT' && (site().gitAuth === 'SSH_KEY' || site().deployKey)}>
              <section aria-labelledby="deploy-key-title" class="card" data-testid="deploy-key">
                <h2 id="deploy-key-title">Deploy key</h2>
                <DeployKeyPanel site={site()} refresh={live.refresh} />
              </section>
            </Show>
            <Show when={site().kind === 'SERVER' && site().currentDeploy}>
              {(current) => (
                <section aria-labelledby="runtime-title" class="card log-card">
                  <h2 id="runtime-title">
                    Runtime log{' '}
                    <span class="muted">
                      — app {site().app?.state.toLowerCase() ?? 'unknown'}
                      {site().app?.restartCount ? `, restarted ${site().app?.restartCount}×` : ''}
                    </span>
                  </h2>
                  <Show when={current().id} keyed>
                    {(deployId) => <RuntimeLog siteId={site().id} deployId={deployId} />}
                  </Show>
                </section>
              )}
            </Show>
            <Show when={site().sourceType === 'GIT'}>
              <section aria-labelledby="webhook-title" class="card" data-testid="webhook">
                <h2 id="webhook-title">GitHub webhook</h2>
                <WebhookPanel site={site()} apply={live.applySite} refresh={live.refresh} />
              </section>
            </Show>
            <section aria-labelledby="settings-title" class="card">
              <h2 id="settings-title">Settings</h2>
              <SiteSettings site={site()} apply={live.applySite} onRedeploy={redeploy} />
              <DeployWorkflowSettings site={site()} apply={live.applySite} />
            </section>
            <section aria-labelledby="danger-title" class="card card-danger">
              <h2 id="danger-title">Danger zone</h2>
              <Show
                when={atLeast(site().team.viewerRole, 'ADMIN')}
                fallback={
                  <p class="muted" id="delete-locked">
                    Only a team admin or owner deletes a site; you are a {roleLabel(site().team.viewerRole)}.
                  </p>
                }
              >
                <DeleteSite site={site()} />
              </Show>
            </section>
          </article>
        )}
      </Show>
    </Show>
  );
};

const NoSuchSite: Component = () => (
  <section class="empty">
    <h1 tabindex="-1">No such site</h1>
    <p class="muted">It may have been deleted.</p>
    <Link href="/" class="btn">
      Back to sites
    </Link>
  </section>
);
