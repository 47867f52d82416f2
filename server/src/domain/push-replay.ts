import type { DeployStatus } from './model.js';

/** What the site already did with the pushed commit, and the branch head it last saw. */
export interface PushHistory {
  /** The push: `after` is the new tip of the branch, `before` the tip it moved from. */
  after: string;
  before: string | null;
  /** The site's deploys whose commit is `after`, any order. */
  deploysOfCommit: readonly { id: string; number: number; status: DeployStatus }[];
  currentDeployId: string | null;
  /**
   * The commit of the site's newest deploy that read the branch (a push, a clone, a redeploy; not a
   * rollback, which only re-points at old files), or null when none has a commit yet.
   */
  lastHead: string | null;
}

const ACTIVE: readonly DeployStatus[] = ['QUEUED', 'BUILDING', 'PUBLISHING'];

/**
 * Why a signed push must not deploy although its delivery id is new, or null when it should deploy.
 *
 * GitHub's signature covers the body, not `X-GitHub-Delivery`, so anyone who once saw a signed push can send
 * it again under fresh delivery ids. Such a repeat carries a commit the site already knows. A genuine push
 * can carry one too: a force-push or revert back to an earlier commit. The two differ in `before`: a real
 * push moves the branch from the head Launchpad last saw, while a repeat still names the tip the branch
 * had when it was first pushed. So:
 * - a commit being deployed right now, or already the live one, never deploys again (nothing would change);
 * - a commit deployed earlier (superseded, failed, cancelled) deploys again only when the push moves the
 *   branch from the last head seen: a revert or force-push back to it does what the user asked, a replayed
 *   old body cannot flip the site between old commits or rebuild a failed one in a loop.
 * A user who wants a known commit built again has Redeploy (or GitHub's redeliver, same delivery id).
 */
export function replayedPushReason(h: PushHistory): string | null {
  const sha = h.after.slice(0, 7);
  const active = h.deploysOfCommit.find((d) => ACTIVE.includes(d.status));
  if (active) return `commit ${sha} is already being deployed (#${active.number})`;
  const live = h.deploysOfCommit.find((d) => d.id === h.currentDeployId || d.status === 'LIVE');
  if (live) return `commit ${sha} is already live (#${live.number})`;
  if (h.deploysOfCommit.length === 0) return null;
  if (h.lastHead !== null && h.before === h.lastHead && h.lastHead !== h.after) return null;
  const newest = h.deploysOfCommit.reduce((a, b) => (b.number > a.number ? b : a));
  return (
    `commit ${sha} was deployed before (#${newest.number}, ${newest.status.toLowerCase()}) and this push ` +
    `does not move the branch from the last commit seen${h.lastHead ? ` (${h.lastHead.slice(0, 7)})` : ''}: ` +
    'a repeat of an earlier push; redeploy to build it again'
  );
}
