import type { Api } from '../api/http.js';
import { CliError } from '../errors.js';
import { SiteById, SiteBySlug } from '../operations.js';

export interface SiteRef {
  id: string;
  slug: string;
  name: string;
  sourceType: string;
  url: string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** A site named by slug or by id (a slug is tried first: ids never look like one taken by a person). */
export async function findSite(api: Api, ref: string): Promise<SiteRef | null> {
  if (SLUG.test(ref)) {
    const bySlug = (await api.request(SiteBySlug, { slug: ref })).site;
    if (bySlug) return bySlug;
  }
  return (await api.request(SiteById, { id: ref })).site ?? null;
}

export async function requireSite(api: Api, ref: string): Promise<SiteRef> {
  const site = await findSite(api, ref);
  if (!site) throw new CliError('NOT_FOUND', `no site ${JSON.stringify(ref)} (launchpad sites lists yours)`);
  return site;
}
