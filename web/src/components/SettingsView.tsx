import { type Component, For, Show } from 'solid-js';
import type { SiteDetail } from '../lib/api';

/** The configuration, read-only; secret values stay masked. */
export const SettingsView: Component<{ site: SiteDetail }> = (props) => (
  <dl class="settings">
    <dt>Name</dt>
    <dd>{props.site.name}</dd>
    <Show when={props.site.sourceType === 'GIT'}>
      <dt>Repository</dt>
      <dd>
        <code>{props.site.gitUrl}</code>
      </dd>
      <dt>Branch</dt>
      <dd>
        <code>{props.site.branch}</code>
      </dd>
      <dt>Build command</dt>
      <dd>
        <Show when={props.site.buildCommand} fallback={<span class="muted">None</span>}>
          <code>{props.site.buildCommand}</code>
        </Show>
      </dd>
      <dt>Auto-deploy</dt>
      <dd>{props.site.autoDeploy ? 'On: every push to the branch deploys' : 'Off'}</dd>
    </Show>
    <dt>Output folder</dt>
    <dd>
      <code>{props.site.outputDir}</code>
    </dd>
    <dt>Single-page app</dt>
    <dd>{props.site.spa ? 'Yes' : 'No'}</dd>
    <dt>Custom domains</dt>
    <dd>
      <Show when={props.site.domains.length} fallback={<span class="muted">None</span>}>
        <For each={props.site.domains}>{(d) => <code class="chip">{d}</code>}</For>
      </Show>
    </dd>
    <dt>Environment</dt>
    <dd>
      <Show when={props.site.envVars.length} fallback={<span class="muted">None</span>}>
        <For each={props.site.envVars}>{(v) => <code class="chip">{v.name}=••••</code>}</For>
      </Show>
    </dd>
  </dl>
);
