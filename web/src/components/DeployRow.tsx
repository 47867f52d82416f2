import { type Component, createSignal, Show } from 'solid-js';
import type { DeployTrigger } from '../gql/graphql';
import { api, type DeploySummary } from '../lib/api';
import { toApiError } from '../lib/errors';
import { shortSha } from '../lib/format';
import { rollbackOption } from '../lib/rollback';
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

/** One deploy in the history, with Cancel while it runs and Rollback once it is an earlier live one. */
export const DeployRow: Component<{
  deploy: DeploySummary;
  siteId: string;
  selected: boolean;
  currentId: string | null | undefined;
  onDeploy: (deploy: DeploySummary) => void;
}> = (props) => {
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => run(() => api.cancelDeploy(props.deploy.id));
  const rollback = () => run(async () => props.onDeploy(await api.rollback(props.deploy.id)));
  const option = () => rollbackOption(props.deploy, props.currentId);
  const number = () => props.deploy.number;
  const reasonId = () => `deploy-${props.deploy.id}-no-rollback`;
  const deployLink = (id: string) => `/sites/${props.siteId}/deploys/${id}`;
  return (
    <li class="deploy" classList={{ 'deploy-selected': props.selected }} data-deploy={number()}>
      <div class="deploy-main">
        <Link
          href={deployLink(props.deploy.id)}
          class="deploy-number"
          aria-current={props.selected ? 'true' : undefined}
          aria-label={`Deploy #${number()}: show log`}
        >
          #{number()}
        </Link>
        <StatusBadge status={props.deploy.status} />
        <Show
          when={props.deploy.trigger === 'ROLLBACK' && props.deploy.sourceDeploy}
          fallback={<span class="muted">{TRIGGER[props.deploy.trigger]}</span>}
        >
          {(source) => (
            <span class="muted" data-testid="rollback-of">
              Rollback to{' '}
              <Link href={deployLink(source().id)} aria-label={`deploy #${source().number}: show log`}>
                #{source().number}
              </Link>
            </span>
          )}
        </Show>
        <Show when={props.deploy.context !== 'PRODUCTION'}>
          <span class="context-tag" data-testid="deploy-context">
            {props.deploy.context === 'PREVIEW' ? `PR #${props.deploy.pullRequest}` : props.deploy.branch}
          </span>
        </Show>
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
        {/* Retention removed the files: the permalink would answer 404, and Rollback says why it cannot. */}
        <Show when={!props.deploy.filesPrunedAt}>
          <a href={props.deploy.permalink} target="_blank" rel="noopener noreferrer" class="ext">
            Permalink<span class="visually-hidden"> of deploy #{number()}</span>
          </a>
        </Show>
        <Show when={isActive(props.deploy.status)}>
          <button type="button" class="btn btn-small" onClick={cancel} disabled={busy()}>
            Cancel<span class="visually-hidden"> deploy #{number()}</span>
          </button>
        </Show>
        <Show when={option().can || option().reason}>
          <span class="rollback">
            <button
              type="button"
              class="btn btn-small"
              onClick={rollback}
              disabled={busy() || !option().can}
              aria-describedby={option().reason ? reasonId() : undefined}
              title={`Serve the files of deploy #${number()} again, at once`}
            >
              {busy() ? 'Rolling back…' : 'Rollback'}
              <span class="visually-hidden"> to deploy #{number()}</span>
            </button>
            <Show when={!option().can && option().reason}>
              {(reason) => (
                <span id={reasonId()} class="rollback-reason">
                  {reason()}
                </span>
              )}
            </Show>
          </span>
        </Show>
      </div>
      <Show when={props.deploy.error ?? error()}>
        {(message) => (
          <p class="deploy-error" role={error() ? 'alert' : undefined}>
            {message()}
          </p>
        )}
      </Show>
    </li>
  );
};
