import { type Component, Match, Switch } from 'solid-js';
import { checkHealth, health } from '../lib/health';

/** Says so when deploys cannot work: the Docker engine, or Launchpad itself, does not answer. */
export const EngineBanner: Component = () => (
  <Switch>
    <Match when={health() === 'down'}>
      <div class="banner banner-warn" role="status">
        <span>
          <strong>The Docker engine is unreachable.</strong> Sites already published keep serving; new deploys
          will fail until it is back.
        </span>
        <button type="button" class="btn btn-small" onClick={() => void checkHealth()}>
          Check again
        </button>
      </div>
    </Match>
    <Match when={health() === 'offline'}>
      <div class="banner banner-error" role="status">
        <span>
          <strong>Launchpad does not answer.</strong> Check that the control plane is running.
        </span>
        <button type="button" class="btn btn-small" onClick={() => void checkHealth()}>
          Check again
        </button>
      </div>
    </Match>
  </Switch>
);
