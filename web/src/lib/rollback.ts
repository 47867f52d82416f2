import type { DeployContext, DeployStatus } from '../gql/graphql';

/**
 * What the deploy history offers for one deploy: a rollback (`can`), a rollback it cannot do and why
 * (`reason`), or nothing (neither).
 */
export interface RollbackOption {
  can: boolean;
  reason?: string;
}

interface RollbackCandidate {
  id: string;
  status: DeployStatus;
  filesPrunedAt?: string | null | undefined;
  /** Branch and preview deploys (issue 15) never become the production deploy. */
  context?: DeployContext | undefined;
}

/**
 * An earlier deploy that went live (LIVE or SUPERSEDED, not the current one) can come back while its files
 * exist; once retention removed them it says so instead. Failed, cancelled and running deploys never can.
 */
export function rollbackOption(
  deploy: RollbackCandidate,
  currentId: string | null | undefined,
): RollbackOption {
  if (deploy.status !== 'LIVE' && deploy.status !== 'SUPERSEDED') return { can: false };
  if (deploy.context && deploy.context !== 'PRODUCTION') return { can: false };
  if (deploy.id === currentId) return { can: false };
  if (deploy.filesPrunedAt) return { can: false, reason: 'files removed by retention' };
  return { can: true };
}

/**
 * The deploy a site serves after `incoming` arrived: a deploy goes LIVE in the same transaction that makes
 * it current, so a LIVE deploy numbered above the current one is the new current one.
 */
export function currentAfter<
  T extends { id: string; number: number; status: DeployStatus; context?: DeployContext | undefined },
>(deploys: readonly T[], currentId: string | null | undefined, incoming: T): string | null | undefined {
  if (incoming.status !== 'LIVE' || incoming.id === currentId) return currentId;
  // A branch or preview deploy goes LIVE at its own host (issue 15): the site's current one stays.
  if (incoming.context && incoming.context !== 'PRODUCTION') return currentId;
  const current = deploys.find((d) => d.id === currentId);
  return !current || current.number < incoming.number ? incoming.id : currentId;
}
