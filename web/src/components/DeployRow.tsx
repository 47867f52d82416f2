import { type Component, createSignal, Show } from 'solid-js';
import type { DeployTrigger } from '../gql/graphql';
import { api, type DeploySummary } from '../lib/api';
import { toApiError } from '../lib/errors';
import { shortSha } from '../lib/format';
import { Link } from '../lib/router';
import { isActive } from '../lib/snapshots';
import { StatusBadge } from './StatusBadge';
import { Ago, Duration } from './Time';

const TRIGGER: Record<DeployTrigger, string> = {
  UPLOAD: 'Upload',
  REDEPLOY: 'Redeploy',
  GIT: 'Git',
  WEBHOOK: 'Push',
  ROLLBACK: 'Rollback',
};

/** One deploy in the history; later actions (rollback) go beside Cancel. */
export const DeployRow: Component<{ deploy: DeploySummary; siteId: string; selected: boolean }> = (props) => {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const cancel = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.cancelDeploy(props.deploy.id);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="deploy" classList={{ 'deploy-selected': props.selected }} data-deploy={props.deploy.number}>
      <div class="deploy-main">
        <Link
          href={`/sites/${props.siteId}/deploys/${props.deploy.id}`}
          class="deploy-number"
          aria-current={props.selected ? 'true' : undefined}
          aria-label={`Deploy #${props.deploy.number}: show log`}
        >
          #{props.deploy.number}
        </Link>
        <StatusBadge status={props.deploy.status} />
        <span class="muted">{TRIGGER[props.deploy.trigger]}</span>
        <Show when={props.deploy.commitSha}>
          {(sha) => (
            <span class="commit" title={props.deploy.commitMessage ?? ''}>
              <code>{shortSha(sha())}</code> {props.deploy.commitMessage?.split('\n')[0]}
            </span>
          )}
        </Show>
      </div>
      <div class="deploy-meta">
        <Ago iso={props.deploy.createdAt} />
        <Show when={props.deploy.startedAt}>
          {(start) => <Duration from={start()} to={props.deploy.finishedAt} />}
        </Show>
        <a href={props.deploy.permalink} target="_blank" rel="noopener noreferrer" class="ext">
          Permalink<span class="visually-hidden"> of deploy #{props.deploy.number}</span>
        </a>
        <Show when={isActive(props.deploy.status)}>
          <button type="button" class="btn btn-small" onClick={cancel} disabled={busy()}>
            Cancel<span class="visually-hidden"> deploy #{props.deploy.number}</span>
          </button>
        </Show>
      </div>
      <Show when={props.deploy.error ?? error()}>{(message) => <p class="deploy-error">{message()}</p>}</Show>
    </li>
  );
};
