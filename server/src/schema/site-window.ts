import type { SiteWindow } from '../services/site-list.js';
import { MAX_SITES_PAGE } from '../services/site-list.js';
import type { builder } from './builder.js';

type ArgBuilder = Parameters<Parameters<typeof builder.queryFields>[0]>[0]['arg'];

/**
 * The optional paging and search arguments of a site list (`sites`, `Team.sites`). Without them a list
 * answers every site, as api.md's `sites` always has; the dashboard pages (services/site-list.ts).
 */
export function siteWindowArgs(arg: ArgBuilder) {
  return {
    first: arg.int({ description: `At most this many sites (1–${MAX_SITES_PAGE}); all when absent` }),
    after: arg.id({ description: 'Continue after this site (the last one of the previous page)' }),
    search: arg.string({ description: 'Only sites whose name or slug contains this text, in any case' }),
  };
}

export function siteWindow(args: {
  first?: number | null;
  after?: string | number | null;
  search?: string | null;
}): SiteWindow {
  return { first: args.first, after: args.after == null ? null : String(args.after), search: args.search };
}
