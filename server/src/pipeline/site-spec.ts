import type { Site } from '../domain/model.js';
import type { SiteSpec } from '../runtime/ports.js';
import type { SecretBox } from '../secrets/box.js';
import { siteContainerEnv } from '../secrets/site-env.js';

/**
 * What the runtime is told of a site: only what serving it depends on. The secret box opens a server app's
 * secret env vars, which its container (and nothing else) receives.
 */
export function siteSpec(site: Site, secrets: SecretBox): SiteSpec {
  return {
    id: site.id,
    slug: site.slug,
    domains: [...site.domains],
    spa: site.spa,
    app: appSpec(site, secrets),
    contexts: site.branchDeploys || site.deployPreviews,
  };
}

/** A SERVER site's app as its settings describe it (issue 14). */
function appSpec(site: Site, secrets: SecretBox): SiteSpec['app'] {
  if (site.kind !== 'SERVER') return null;
  return {
    image: site.runtimeImage!,
    command: site.startCommand!,
    port: site.port!,
    healthCheckPath: site.healthCheckPath!,
    env: siteContainerEnv(site, secrets),
  };
}
