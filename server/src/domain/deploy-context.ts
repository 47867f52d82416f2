import { createHash } from 'node:crypto';

/**
 * Where a deploy is served (issue 15): PRODUCTION at the site's hosts, BRANCH at
 * `<branch-label>--<slug>.<domain>`, PREVIEW (a pull request) at `pr-<n>--<slug>.<domain>`. Only PRODUCTION
 * deploys ever become the site's current deploy.
 */
export const DEPLOY_CONTEXTS = ['PRODUCTION', 'BRANCH', 'PREVIEW'] as const;
export type DeployContext = (typeof DEPLOY_CONTEXTS)[number];

/** A DNS label holds at most 63 characters (RFC 1035); `<label>--<slug>` is one label. */
const MAX_DNS_LABEL = 63;
const SEPARATOR = '--';
const HASH_CHARS = 6;

/**
 * The host label of a branch, for `<label>--<slug>`: lowercase letters, digits and single hyphens, within
 * what the slug leaves of 63 characters. A branch name is the pusher's text (unicode, slashes, dots, a
 * thousand characters, `refs/heads/../x`): anything that is not already such a label — changed case,
 * replaced characters, cut length — gets a short hash of the exact name, so two branches that read alike
 * (`Feature/A`, `feature-a`) get different hosts. Labels never hold `--` (the separator), and never take the
 * shape of a permalink (24 hex characters) or of a pull request preview (`pr-<n>`).
 */
export function branchLabel(branch: string, slug: string): string {
  const room = MAX_DNS_LABEL - SEPARATOR.length - slug.length;
  const plain = branch
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const reserved = /^[0-9a-f]{24}$/.test(plain) || /^pr-[0-9]+$/.test(plain);
  if (plain === branch && plain.length <= room && !reserved) return plain;
  const hash = createHash('sha256').update(branch, 'utf8').digest('hex').slice(0, HASH_CHARS);
  const base = plain.slice(0, room - HASH_CHARS - 1).replace(/-+$/, '') || 'branch';
  return `${base}-${hash}`;
}

export function previewLabel(pullRequest: number): string {
  return `pr-${pullRequest}`;
}

/** The first label of a BRANCH or PREVIEW deploy's host; null for PRODUCTION (served at the site's hosts). */
export function contextLabel(
  deploy: { context: DeployContext; branch: string | null; pullRequest: number | null },
  slug: string,
): string | null {
  if (deploy.context === 'PREVIEW' && deploy.pullRequest !== null)
    return `${previewLabel(deploy.pullRequest)}${SEPARATOR}${slug}`;
  if (deploy.context === 'BRANCH' && deploy.branch !== null)
    return `${branchLabel(deploy.branch, slug)}${SEPARATOR}${slug}`;
  return null;
}

/**
 * Deploys that replace each other while waiting in the queue: production ones of a site, and those of one
 * branch or one pull request (a preview never cancels a waiting production deploy, nor the other way).
 */
export function queueLane(deploy: {
  context: DeployContext;
  branch: string | null;
  pullRequest: number | null;
}): string {
  if (deploy.context === 'PREVIEW') return `preview:${deploy.pullRequest}`;
  if (deploy.context === 'BRANCH') return `branch:${deploy.branch}`;
  return 'production';
}
