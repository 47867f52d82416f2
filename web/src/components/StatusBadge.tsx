import type { Component } from 'solid-js';
import type { DeployStatus, SiteStatus } from '../gql/graphql';

const LABEL: Record<SiteStatus | DeployStatus, string> = {
  CREATED: 'Created',
  DEPLOYING: 'Deploying',
  LIVE: 'Live',
  FAILED: 'Failed',
  DOWN: 'Down',
  UPLOADING: 'Waiting for files',
  QUEUED: 'Queued',
  BUILDING: 'Building',
  PUBLISHING: 'Publishing',
  SUPERSEDED: 'Superseded',
  CANCELLED: 'Cancelled',
};

const TONE: Record<SiteStatus | DeployStatus, 'ok' | 'busy' | 'bad' | 'idle'> = {
  LIVE: 'ok',
  DEPLOYING: 'busy',
  UPLOADING: 'busy',
  QUEUED: 'busy',
  BUILDING: 'busy',
  PUBLISHING: 'busy',
  FAILED: 'bad',
  DOWN: 'bad',
  CREATED: 'idle',
  SUPERSEDED: 'idle',
  CANCELLED: 'idle',
};

/** A status as a word and a colour (the word carries the meaning; the colour only helps). */
export const StatusBadge: Component<{ status: SiteStatus | DeployStatus }> = (props) => (
  <span class={`badge badge-${TONE[props.status]}`} data-status={props.status}>
    <span class="badge-dot" aria-hidden="true" />
    {LABEL[props.status]}
  </span>
);
