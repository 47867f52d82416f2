import type { EnvVar, Site } from '../domain/model.js';

/**
 * The environment a site's app runs with: the one place the pipeline reads a site's variables for its
 * runtime, so that where they come from (stored as they are today) changes here only.
 */
export function siteEnv(site: Site): EnvVar[] {
  return site.envVars;
}
