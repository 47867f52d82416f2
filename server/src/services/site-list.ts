import type { ObjectQuery } from '@mikro-orm/core';
import { BadInputError } from '../domain/errors.js';
import type { Site } from '../domain/model.js';

/** Longest page of sites one list returns when it asks for a page. */
export const MAX_SITES_PAGE = 500;
/** Longest search text: names are at most 100 characters, so a longer text matches nothing anyway. */
const MAX_SEARCH = 100;

/**
 * Which sites a list shows: all of them newest first (api.md's `sites`), or a window of them for a
 * dashboard that pages through thousands — `first` sites after the site `after` (keyset paging on
 * createdAt then id, so sites created or updated while a user pages neither repeat nor vanish), whose
 * name or slug contains `search` (any case).
 */
export interface SiteWindow {
  first?: number | null;
  after?: string | null;
  search?: string | null;
}

/** The window, checked: a bad page size or search is the caller's to fix, never silently clamped. */
export function checkWindow(window: SiteWindow): {
  first: number | null;
  after: string | null;
  search: string | null;
} {
  const { first, after, search } = window;
  if (first != null && (!Number.isInteger(first) || first < 1 || first > MAX_SITES_PAGE)) {
    throw new BadInputError(`first must be between 1 and ${MAX_SITES_PAGE}`, 'first');
  }
  if (search != null && search.length > MAX_SEARCH) {
    throw new BadInputError(`search must be at most ${MAX_SEARCH} characters`, 'search');
  }
  const text = search?.trim().toLowerCase();
  return { first: first ?? null, after: after || null, search: text ? text : null };
}

/** Sites that sort after `cursor` in the list's order (createdAt desc, then id desc). */
export function afterCursor(cursor: Pick<Site, 'id' | 'createdAt'>): ObjectQuery<Site> {
  return {
    $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { $lt: cursor.id } }],
  };
}

/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally (escaped with
 * `!`, named in the query's ESCAPE clause). `lower(…) like` rather than ILIKE: both SQLite and
 * PostgreSQL run it, and it is case-insensitive on both.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
