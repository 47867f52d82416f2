import { type Component, createResource, For, Show } from 'solid-js';
import type { SiteStatus } from '../gql/graphql';
import { formatUptime, notifications } from '../lib/notifications';
import { Ago } from './Time';

/**
 * Uptime over 30 and 7 days and the latest incidents. Read again whenever the site's status changes (the
 * page's siteUpdated subscription): a DOWN or a recovery is an incident.
 */
export const SiteHealth: Component<{ siteId: string; status: SiteStatus }> = (props) => {
  const [health] = createResource(
    () => ({ id: props.siteId, status: props.status }),
    ({ id }) => notifications.siteHealth(id),
  );
  return (
    <section aria-labelledby="health-title" class="card" data-testid="site-health">
      <h2 id="health-title">Uptime</h2>
      <Show when={health.latest} fallback={<p class="muted">Loading…</p>}>
        {(h) => (
          <>
            <dl class="uptime">
              <div>
                <dt>30 days</dt>
                <dd data-testid="uptime-30">{formatUptime(h().uptime)}</dd>
              </div>
              <div>
                <dt>7 days</dt>
                <dd>{formatUptime(h().week)}</dd>
              </div>
            </dl>
            <Show
              when={h().incidents.length > 0}
              fallback={<p class="muted">No incidents: the site has not gone down.</p>}
            >
              <ul class="incidents">
                <For each={h().incidents}>
                  {(i) => (
                    <li class="incident">
                      <span class={`badge ${i.kind === 'DOWN' ? 'badge-bad' : 'badge-ok'}`}>
                        <span class="badge-dot" aria-hidden="true" />
                        {i.kind === 'DOWN' ? 'Down' : 'Recovered'}
                      </span>
                      <Ago iso={i.at} />
                      <span class="muted incident-reason">{i.reason ?? ''}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};
