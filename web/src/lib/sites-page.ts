/**
 * Sites per page of the Sites page: a screenful of cards, and a list query that stays quick with thousands
 * of sites (bench/list.ts measures exactly this page).
 */
export const SITES_PAGE = 48;
