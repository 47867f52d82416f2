import type { Site } from '../domain/model.js';
import type { SiteSpec } from '../runtime/ports.js';

/** What the runtime is told of a site: only what serving it depends on. */
export function siteSpec(site: Site): SiteSpec {
  return { id: site.id, slug: site.slug, domains: [...site.domains], spa: site.spa };
}
