/**
 * The one way from a site's stored env vars to the values a container gets. Build containers use it today;
 * app containers (server apps) should take their environment from here too, and their log redaction from
 * `siteSecretValues`, so a secret reaches a container's environment and nothing else.
 */
import type { EnvVar, Site, StoredEnvVar } from '../domain/model.js';
import type { SecretBox } from './box.js';

/** The site's env vars with secret values decrypted, for a container's environment only. */
export function siteContainerEnv(site: Pick<Site, 'envVars'>, box: SecretBox): EnvVar[] {
  return site.envVars.map(({ name, value, secret }) => ({ name, value: secret ? box.open(value) : value }));
}

/** The decrypted values of the site's secret env vars (what a log must never show). */
export function siteSecretValues(site: Pick<Site, 'envVars'>, box: SecretBox): string[] {
  return site.envVars.filter((v) => v.secret).map((v) => box.open(v.value));
}

/** What the API shows of a stored env var: a secret's value never. */
export function publicEnvVar(v: StoredEnvVar): { name: string; value: string | null; secret: boolean } {
  return { name: v.name, value: v.secret ? null : v.value, secret: v.secret === true };
}
