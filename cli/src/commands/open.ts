import { openBrowser } from '../browser.js';
import { EXIT } from '../errors.js';
import type { Output } from '../output.js';
import { openSession } from '../session.js';
import { requireSite } from './site-ref.js';

/** Prints the site's URL and opens it in a browser when there is one (never an error when there is not). */
export async function openSite(out: Output, ref: string): Promise<number> {
  const { api } = await openSession(out);
  const site = await requireSite(api, ref);
  const opened = openBrowser(site.url);
  out.result({ siteId: site.id, slug: site.slug, url: site.url, opened }, site.url);
  return EXIT.OK;
}
