import { type Component, For, Show } from 'solid-js';
import type { DeploySummary } from '../lib/api';
import { DeployRow } from './DeployRow';

/** The site's deploys, newest first; the one whose log is open is marked. */
export const DeployList: Component<{
  deploys: DeploySummary[];
  siteId: string;
  selectedId?: string | undefined;
  currentId: string | null | undefined;
  onDeploy: (deploy: DeploySummary) => void;
}> = (props) => (
  <Show when={props.deploys.length > 0} fallback={<p class="muted">No deploys yet.</p>}>
    <ol class="deploys" aria-label="Deploy history">
      <For each={props.deploys}>
        {(deploy) => (
          <DeployRow
            deploy={deploy}
            siteId={props.siteId}
            selected={deploy.id === props.selectedId}
            currentId={props.currentId}
            onDeploy={props.onDeploy}
          />
        )}
      </For>
    </ol>
  </Show>
);
