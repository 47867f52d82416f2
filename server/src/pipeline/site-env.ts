import type { EnvVar, Site } from '../domain/model.js';
import type { SecretBox } from '../secrets/box.js';
import { siteContainerEnv } from '../secrets/site-env.js';

/**
 * The environment a site's app runs with: the one place the pipeline reads a site's variables for its
 * runtime. Secret values are opened here, for the container's environment only (never a log or an answer).
 */
export function siteEnv(site: Site, secrets: SecretBox): EnvVar[] {
  return siteContainerEnv(site, secrets);
}
