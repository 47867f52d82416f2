import { type Component, type JSX, Match, Switch } from 'solid-js';
import { checkHealth, health } from '../lib/health';

const Banner: Component<{ tone: 'warn' | 'error'; children: JSX.Element }> = (props) => (
  <div class={`banner banner-${props.tone}`} role="status">
    <span>{props.children}</span>
    <button type="button" class="btn btn-small" onClick={() => void checkHealth()}>
      Check again
    </button>
  </div>
);

/** Says so when deploys cannot work: the Docker engine, or Launchpad itself, does not answer. */
export const EngineBanner: Component = () => (
  <Switch>
    <Match when={health() === 'down'}>
      <Banner tone="warn">
        <strong>The Docker engine is unreachable.</strong> Sites already published keep serving; new deploys
        will fail until it is back.
      </Banner>
    </Match>
    <Match when={health() === 'offline'}>
      <Banner tone="error">
        <strong>Launchpad does not answer.</strong> Check that the control plane is running.
      </Banner>
    </Match>
  </Switch>
);
