/**
 * The shapes of parsed Netlify rules (`_redirects`, `_headers`) and of what translate.ts makes of them for
 * nginx-config.ts. Syntax and semantics follow https://docs.netlify.com/routing/redirects/,
 * .../redirects/redirect-options/ and https://docs.netlify.com/routing/headers/.
 */

/** 200 rewrites (the URL stays), 301/302 redirect, 401/404 serve `to` with that status. */
export type RedirectStatus = 200 | 301 | 302 | 401 | 404;

/** `key=:name` (any value, captured), `key=value` (that value), `key` (present). Netlify "query parameters". */
export interface QueryCondition {
  key: string;
  value: { placeholder: string } | { literal: string } | null;
}

export interface RedirectRule {
  line: number;
  /** A path: literal segments, `:name` placeholders, and at most one trailing `*` splat. */
  from: string;
  /** A path (may use `:name` and `:splat`) or an absolute http(s) URL. */
  to: string;
  status: RedirectStatus;
  /** `!`: apply even when a file exists at the path (Netlify "shadowing"). */
  force: boolean;
  /** Domain-level rule (`https://host/path`): only requests to this scheme and host match. */
  origin?: { scheme: 'http' | 'https'; host: string };
  /** Query parameters the request must carry, in file order. */
  query?: QueryCondition[];
  /** Conditions Launchpad cannot evaluate (`Role=admin`, `Country=au,nz`, …), as written. */
  conditions?: string[];
}

export interface Header {
  name: string;
  value: string;
}

export interface Credential {
  user: string;
  password: string;
}

export interface HeaderRule {
  line: number;
  /** A path; `*` matches anything, `:name` one segment. */
  path: string;
  headers: Header[];
  /** From `Basic-Auth:` lines: the path asks for one of these user/password pairs (never sent as a header). */
  basicAuth?: Credential[];
}

export interface NginxRewrite {
  line: number;
  /** PCRE, anchored, matched against nginx's `$uri` (decoded and normalised); captures are numbered. */
  pattern: string;
  /**
   * Literal text plus `$1`…`$9` references to the pattern's captures and `${q1}`…`${q9}` references to the
   * query placeholders' values; no other `$` ever.
   */
  target: string;
  status: RedirectStatus;
  force: boolean;
  /** PCRE, anchored, matched against the raw query string (`$args`); its captures are `${q1}`…. */
  query?: string;
  /** `http://host` or `https://host`: the rule applies to requests for this origin only. */
  origin?: string;
  /** The rule has conditions Launchpad cannot evaluate: requests it matches are denied (404). */
  deny?: boolean;
}

export interface NginxHeaderBlock {
  line: number;
  /** PCRE, anchored, matched against the path the client asked for. */
  pattern: string;
  headers: Header[];
}

export interface NginxAuthBlock {
  line: number;
  /** PCRE, anchored, matched against the path the client asked for. */
  pattern: string;
  /** The nginx user file (`user:{SSHA}…` lines): never a password in the clear. */
  userFile: string;
}

/** `_redirects` and `_headers` made safe to render into nginx config, in file order. */
export interface TranslatedRules {
  rewrites: NginxRewrite[];
  headers: NginxHeaderBlock[];
  auth?: NginxAuthBlock[];
}

export interface Parsed<T> {
  rules: T[];
  warnings: string[];
}

export const PLACEHOLDER = /^:[A-Za-z_][A-Za-z0-9_]*$/;
export const ABSOLUTE_URL = /^https?:\/\//i;
