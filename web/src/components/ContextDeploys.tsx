import { type Component, For, Show } from 'solid-js';
import type { DeploySummary } from '../lib/api';
import { hostOf } from '../lib/format';
import { Link } from '../lib/router';

/**
 * The site's live branch deploys and pull request previews (issue 15), each at its own host. Only those
 * whose branch or pull request lives are LIVE; a closed one's deploy is SUPERSEDED and drops off.
 */
export const ContextDeploys: Component<{ siteId: string; deploys: readonly DeploySummary[] }> = (props) => {
  const live = () =>
    props.deploys.filter((d) => d.context !== 'PRODUCTION' && d.status === 'LIVE' && !d.filesPrunedAt);
  return (
    <Show when={live().length > 0}>
      <section aria-labelledby="previews-title" class="card" data-testid="context-deploys">
        <h2 id="previews-title">Branch deploys and previews</h2>
        <ul class="context-deploys">
          <For each={live()}>
            {(d) => (
              <li>
                <span class="muted">
                  {d.context === 'PREVIEW' ? `PR #${d.pullRequest}` : `branch ${d.branch}`}
                  {' · '}
                  <Link href={`/sites/${props.siteId}/deploys/${d.id}`}>deploy #{d.number}</Link>
                  {' · '}
                </span>
                <a href={d.url} target="_blank" rel="noopener noreferrer" class="ext">
                  {hostOf(d.url)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
};
