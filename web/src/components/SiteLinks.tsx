import { type Component, Show } from 'solid-js';
import { hostOf } from '../lib/format';

/** The site's public URL and, when ports are published, its loopback URL. */
export const SiteLinks: Component<{ url: string; localUrl?: string | null | undefined }> = (props) => (
  <ul class="site-links">
    <li>
      <a href={props.url} target="_blank" rel="noopener noreferrer" class="ext">
        {hostOf(props.url)}
      </a>
    </li>
    <Show when={props.localUrl}>
      {(local) => (
        <li>
          <a href={local()} target="_blank" rel="noopener noreferrer" class="ext" data-testid="local-url">
            <span class="muted">local </span>
            {hostOf(local())}
          </a>
        </li>
      )}
    </Show>
  </ul>
);
