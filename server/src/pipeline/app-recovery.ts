import type { Site } from '../domain/model.js';
import type { SiteRuntime } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import type { DataDir } from './data-dir.js';
import { siteSpec } from './site-spec.js';

/**
 * After a restart (issue 14): every SERVER site's current app runs again, from its current deploy's files,
 * and app containers of anything else (a deploy a crash interrupted, an old app not yet stopped, a deleted
 * site) are removed. A site whose app cannot start is reported and left to its next deploy.
 */
export async function recoverApps(
  deps: { data: DataDir; runtime: SiteRuntime; secrets: SecretBox },
  sites: readonly Site[],
): Promise<void> {
  const current = sites
    .filter((s) => s.kind === 'SERVER' && s.currentDeployId)
    .map((s) => ({
      site: siteSpec(s, deps.secrets),
      deploy: { id: s.currentDeployId!, files: deps.data.deploy(s.slug, s.currentDeployId!) },
    }));
  try {
    await deps.runtime.reconcileApps(current);
  } catch (err) {
    console.error('server apps not recovered:', err);
  }
}
