import type { Client } from 'graphql-ws';
import type { Api } from '../api/http.js';
import { subscribe } from '../api/ws.js';
import { CliError } from '../errors.js';
import { DeployState, DeployUpdated } from '../operations.js';

export interface FinishedDeploy {
  id: string;
  number: number;
  status: string;
  error?: string | null;
  url: string;
  permalink: string;
  site: { id: string };
}

/** Statuses a deploy does not leave by itself. SUPERSEDED was LIVE before a newer deploy took over. */
export const FINISHED = new Set(['LIVE', 'SUPERSEDED', 'FAILED', 'CANCELLED']);

/**
 * Waits for a deploy to finish through the deployUpdated subscription, opened by `watch` before the step
 * that starts it, so no change is missed while it goes from queued to live. Disposing `client` ends it.
 */
export function watchDeploy(api: Api, client: Client, deployId: string) {
  const events = subscribe(client, api.settings.url, DeployUpdated, { id: deployId });
  // Starts the subscription now: a generator runs nothing until it is first pulled. Its failure is seen
  // where it is awaited, in finished(); until then it must not count as unhandled.
  const pull = () => {
    const next = events.next();
    next.catch(() => {});
    return next;
  };
  let pending = pull();
  return {
    async finished(): Promise<FinishedDeploy> {
      // Whatever happened before the server registered the subscription: one read, after subscribing.
      const now = (await api.request(DeployState, { id: deployId })).deploy;
      if (!now) throw new CliError('NOT_FOUND', `deploy ${deployId} no longer exists`);
      if (FINISHED.has(now.status)) return now;
      for (;;) {
        const next = await raceIdle(pending, IDLE_CHECK_MS);
        if (next === 'idle') {
          // graphql-ws does not say when the server has registered a subscription, so a change made just
          // before that would never come: after a quiet while, read the state once more.
          const state = (await api.request(DeployState, { id: deployId })).deploy;
          if (state && FINISHED.has(state.status)) return state;
          continue;
        }
        if (next.done) {
          throw new CliError(
            'CONNECTION_FAILED',
            `the server stopped sending updates of deploy ${deployId}; it goes on there (launchpad logs ${deployId} --follow)`,
          );
        }
        pending = pull();
        if (FINISHED.has(next.value.deployUpdated.status)) return next.value.deployUpdated;
      }
    },
  };
}

const IDLE_CHECK_MS = 30_000;

async function raceIdle<T>(promise: Promise<T>, ms: number): Promise<T | 'idle'> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(() => resolve('idle'), ms);
  });
  try {
    return await Promise.race([promise, idle]);
  } finally {
    clearTimeout(timer);
  }
}
