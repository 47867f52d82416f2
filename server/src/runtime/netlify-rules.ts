/**
 * Netlify `_redirects` and `_headers` files: a parser for the subset Launchpad serves, and a translator to
 * patterns nginx can run (rendered by nginx-config.ts). Syntax and semantics follow
 * https://docs.netlify.com/routing/redirects/ and https://docs.netlify.com/routing/headers/.
 *
 * Nothing is dropped silently: every line that cannot be served yields a warning naming its line and why.
 */

export type RedirectStatus = 200 | 301 | 302 | 404;

export interface RedirectRule {
  line: number;
  /** A path: literal segments, `:name` placeholders, and at most one trailing `*` splat. */
  from: string;
  /** A path (may use `:name` and `:splat`) or an absolute http(s) URL. */
  to: string;
  /** 200 rewrites (the URL stays), 301/302 redirect, 404 serves `to` with a 404 status. */
  status: RedirectStatus;
  /** `!`: apply even when a file exists at the path (Netlify "shadowing"). */
  force: boolean;
}

export interface Header {
  name: string;
  value: string;
}

export interface HeaderRule {
  line: number;
  /** A path; `*` matches anything, `:name` one segment. */
  path: string;
  headers: Header[];
}

export interface NginxRewrite {
  line: number;
  /** PCRE, anchored, matched against nginx's `$uri` (decoded and normalised); captures are numbered. */
  pattern: string;
  /** Literal text plus `$1`…`$9` references to the pattern's captures; no other `$` ever. */
  target: string;
  status: RedirectStatus;
  force: boolean;
}

export interface NginxHeaderBlock {
  line: number;
  /** PCRE, anchored, matched against the path the client asked for. */
  pattern: string;
  headers: Header[];
}

/** `_redirects` and `_headers` made safe to render into nginx config, in file order. */
export interface TranslatedRules {
  rewrites: NginxRewrite[];
  headers: NginxHeaderBlock[];
}

interface Parsed<T> {
  rules: T[];
  warnings: string[];
}

const STATUSES: readonly number[] = [200, 301, 302, 404];
const ABSOLUTE_URL = /^https?:\/\//i;
const PLACEHOLDER = /^:[A-Za-z_][A-Za-z0-9_]*$/;

export function parseRedirects(text: string): Parsed<RedirectRule> {
  const rules: RedirectRule[] = [];
  const warnings: string[] = [];
  for (const [i, raw] of lines(text).entries()) {
    // A token that starts with `#` starts a comment; a `#` inside a URL (a fragment) does not.
    const all = raw.trim().split(/\s+/);
    const end = all.findIndex((t) => t.startsWith('#'));
    const tokens = (end === -1 ? all : all.slice(0, end)).filter(Boolean);
    if (tokens.length === 0) continue;
    const result = parseRedirectLine(tokens);
    if (typeof result === 'string') warnings.push(`_redirects line ${i + 1}: ${result}; rule skipped`);
    else rules.push({ line: i + 1, ...result });
  }
  return { rules, warnings };
}

/** `from [query conditions] to [status[!]] [conditions]`; returns why when Launchpad cannot serve it. */
function parseRedirectLine(tokens: string[]): Omit<RedirectRule, 'line'> | string {
  const from = tokens[0]!;
  if (ABSOLUTE_URL.test(from) || from.startsWith('//')) {
    return 'domain-level rules (a host in the source) are not supported';
  }
  if (!from.startsWith('/')) return `the source "${from}" must be a path starting with /`;
  const toIndex = tokens.findIndex((t, j) => j > 0 && (t.startsWith('/') || ABSOLUTE_URL.test(t)));
  if (toIndex === -1) return 'missing destination (a path starting with / or an http(s) URL)';
  if (toIndex > 1)
    return `query-parameter conditions (${tokens.slice(1, toIndex).join(' ')}) are not supported`;
  const to = tokens[toIndex]!;
  let rest = tokens.slice(toIndex + 1);
  let status = 301; // Netlify's default
  let force = false;
  const code = rest[0] ? /^(\d{3})(!?)$/.exec(rest[0]) : null;
  if (code) {
    status = Number(code[1]);
    force = code[2] === '!';
    rest = rest.slice(1);
  }
  if (rest.length > 0) {
    if (rest.some((t) => t.includes('='))) return `conditions (${rest.join(' ')}) are not supported`;
    return `unrecognised text after the destination (${rest.join(' ')})`;
  }
  if (!STATUSES.includes(status)) return `status ${status} is not supported (use 200, 301, 302 or 404)`;
  if (ABSOLUTE_URL.test(to) && (status === 200 || status === 404)) {
    return `proxying to another site (${status} to ${to}) is not supported; use 301 or 302`;
  }
  return checkSource(from) ?? { from, to, status: status as RedirectStatus, force };
}

function checkSource(from: string): string | null {
  const segments = from.split('/').slice(1);
  for (const [k, segment] of segments.entries()) {
    if (segment.includes('*') && (segment !== '*' || k !== segments.length - 1)) {
      return `a splat (*) is supported only as the whole last segment of the source ("${from}")`;
    }
    if (segment.startsWith(':') && !PLACEHOLDER.test(segment)) {
      return `"${segment}" is not a valid placeholder (":name" taking a whole segment)`;
    }
  }
  return null;
}

/** Reserved by Netlify because the server sets them itself (docs: "Custom headers"). */
const RESERVED_HEADERS = new Set([
  'accept-ranges',
  'age',
  'allow',
  'alt-svc',
  'connection',
  'content-encoding',
  'content-length',
  'content-range',
  'date',
  'location',
  'server',
  'set-cookie',
  'trailer',
  'transfer-encoding',
  'upgrade',
  // nginx picks Content-Type from the file extension; a second one would be sent next to it.
  'content-type',
]);
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function parseHeaders(text: string): Parsed<HeaderRule> {
  const rules: HeaderRule[] = [];
  const warnings: string[] = [];
  // The block being read; `null` before the first path and under a refused path (its lines go with it).
  let block: HeaderRule | null = null;
  let refused = false;
  let headerLines = 0;
  const close = () => {
    if (block && block.headers.length > 0) rules.push(block);
    else if (block && headerLines === 0) {
      warnings.push(`_headers line ${block.line}: no headers under "${block.path}"; block skipped`);
    }
  };
  for (const [i, raw] of lines(text).entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const warn = (why: string, what = 'skipped') => warnings.push(`_headers line ${i + 1}: ${why}; ${what}`);
    if (!/^\s/.test(raw)) {
      // An unindented line starts a block.
      close();
      block = null;
      headerLines = 0;
      refused = true;
      if (!trimmed.startsWith('/')) warn(`"${trimmed}" is not a path (paths start with /)`, 'block skipped');
      else if (/\s/.test(trimmed))
        warn(`"${trimmed}" has spaces; a path line holds one path`, 'block skipped');
      else {
        refused = false;
        block = { line: i + 1, path: trimmed, headers: [] };
      }
      continue;
    }
    if (refused) continue;
    if (!block) {
      warn('a header line comes before any path line');
      continue;
    }
    headerLines++;
    const header = parseHeaderLine(trimmed);
    if (typeof header === 'string') {
      warn(header);
      continue;
    }
    // Netlify: repeating a name inside a block joins the values into one, comma-separated.
    const same = block.headers.find((h) => h.name.toLowerCase() === header.name.toLowerCase());
    if (same) same.value = `${same.value}, ${header.value}`;
    else block.headers.push(header);
  }
  close();
  return { rules, warnings };
}

function parseHeaderLine(line: string): Header | string {
  const colon = line.indexOf(':');
  if (colon <= 0) return `"${line}" is not a "Name: value" header line`;
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (!HEADER_NAME.test(name)) return `"${name}" is not a valid header name`;
  if (RESERVED_HEADERS.has(name.toLowerCase())) return `the ${name} header cannot be set here`;
  if (value === '') return `the ${name} header has no value`;
  return { name, value };
}

/**
 * Turns parsed rules into nginx-ready patterns. Paths become regexes of escaped bytes; destinations and
 * header values that nginx would expand (`$`) or that no URL or header needs (control characters, and
 * quotes or braces in a URL) are refused with a warning, so a hostile file cannot change what the config
 * means. nginx-config.ts quotes everything it writes on top of this.
 */
export function translateRules(
  redirects: readonly RedirectRule[],
  headers: readonly HeaderRule[],
): { nginx: TranslatedRules; warnings: string[] } {
  const warnings: string[] = [];
  const rewrites: NginxRewrite[] = [];
  for (const rule of redirects) {
    const result = translateRedirect(rule, (why) => warnings.push(`_redirects line ${rule.line}: ${why}`));
    if (typeof result === 'string') warnings.push(`_redirects line ${rule.line}: ${result}; rule skipped`);
    else rewrites.push(result);
  }
  const blocks: NginxHeaderBlock[] = [];
  for (const rule of headers) {
    const pattern = pathPattern(rule.path, 'headers');
    if (pattern === null) {
      warnings.push(`_headers line ${rule.line}: "${rule.path}" has an invalid %-escape; block skipped`);
      continue;
    }
    const kept: Header[] = [];
    for (const h of rule.headers) {
      if (!HEADER_NAME.test(h.name)) {
        warnings.push(`_headers line ${rule.line}: "${h.name}" is not a valid header name; skipped`);
      } else if (!isSafeHeaderValue(h.value)) {
        warnings.push(
          `_headers line ${rule.line}: the ${h.name} value holds a character Launchpad does not pass on ` +
            '($, \\, or a control or non-ASCII character); skipped',
        );
      } else {
        kept.push({ ...h });
      }
    }
    if (kept.length > 0) blocks.push({ line: rule.line, pattern, headers: kept });
  }
  return { nginx: { rewrites, headers: blocks }, warnings };
}

/**
 * Header values go into nginx strings that expand `$variables`, and nginx has no escape for `$`. Quotes,
 * `;` and braces are inert inside a quoted string (CSP values need `;` and `'`), so only `$`, `\` and
 * non-printable or non-ASCII characters are refused.
 */
const isSafeHeaderValue = (v: string) => /^[\x20-\x7e]+$/.test(v) && !/[$\\]/.test(v);

/** Characters a redirect target may hold: RFC 3986 URI characters minus `'` and `;`, never `$`. */
const SAFE_TARGET = /^[A-Za-z0-9\-._~:/?#[\]@!&()*+,=%]+$/;

function translateRedirect(rule: RedirectRule, note: (why: string) => void): NginxRewrite | string {
  const pattern = pathPattern(rule.from, 'redirects');
  if (pattern === null) return `"${rule.from}" has an invalid %-escape`;
  const names = rule.from
    .split('/')
    .filter((s) => s === '*' || PLACEHOLDER.test(s))
    .map((s) => (s === '*' ? 'splat' : s.slice(1)));
  // nginx numbers captures $1..$9 and reads a single digit after `$`.
  if (names.length > 9) return 'more than 9 placeholders';
  if (!SAFE_TARGET.test(rule.to)) {
    return `the destination "${rule.to}" holds characters that are not allowed in a URL here`;
  }
  // Names start with a letter or `_`, so a port (`https://host:8080`) is never taken for a placeholder.
  const target = rule.to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
    const index = names.indexOf(name);
    if (index !== -1) return `$${index + 1}`;
    note(`"${whole}" in the destination is not a placeholder of the source; kept as text`);
    return whole;
  });
  return { line: rule.line, pattern, target, status: rule.status, force: rule.force };
}

/**
 * A Netlify path as an anchored PCRE. Literal characters are written as `\xHH` bytes (nginx matches the
 * decoded path, so `%20` in the file means a space), which keeps every regex metacharacter and every
 * character that means something to nginx out of the pattern.
 */
function pathPattern(path: string, kind: 'redirects' | 'headers'): string | null {
  let body = '';
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.split('/').slice(1);
  for (const [k, segment] of segments.entries()) {
    const last = k === segments.length - 1;
    if (kind === 'redirects' && segment === '*' && last) {
      // Netlify matches regardless of a trailing slash; the splat is then empty (`/blog`, `/blog/`).
      return `^${body}(?:/(.*))?$`;
    }
    if (PLACEHOLDER.test(segment)) {
      body += kind === 'redirects' ? '/([^/]+)' : '/[^/]+';
      continue;
    }
    const literal = kind === 'headers' ? segment.split('*').map(literalPattern) : [literalPattern(segment)];
    if (literal.some((l) => l === null)) return null;
    body += `/${literal.join('.*')}`;
  }
  if (body === '' || body === '/') return '^/$';
  // A rule for /about also answers /about/ (Netlify matches regardless of a trailing slash).
  return body.endsWith('.*') ? `^${body}$` : `^${body}/?$`;
}

function literalPattern(text: string): string | null {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '%') {
      const hex = chars.slice(i + 1, i + 3).join('');
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      out += `\\x${hex.toLowerCase()}`;
      i += 2;
    } else if (/[A-Za-z0-9_~-]/.test(ch)) {
      out += ch;
    } else if (ch === '.') {
      out += '\\.';
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    }
  }
  return out;
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}
