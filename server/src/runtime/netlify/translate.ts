import { sshaUserFile } from './htpasswd.js';
import { RulesLimitError } from './limits.js';
import { HEADER_NAME } from './parse-headers.js';
import { literalPattern, normaliseTarget, pathPattern } from './paths.js';
import {
  ABSOLUTE_URL,
  type Header,
  type HeaderRule,
  type NginxAuthBlock,
  type NginxHeaderBlock,
  type NginxRewrite,
  PLACEHOLDER,
  type QueryCondition,
  type RedirectRule,
  type TranslatedRules,
} from './rules.js';

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
  const auth: NginxAuthBlock[] = [];
  for (const rule of headers) {
    const pattern = pathPattern(rule.path, 'headers');
    if (pattern === null) {
      warnings.push(`_headers line ${rule.line}: "${rule.path}" has an invalid %-escape; block skipped`);
      // A path it protects cannot be matched, so it cannot be protected: parse-headers refuses such paths
      // only by their form, hence this second stop.
      if (rule.basicAuth) throw new Error(`Refusing Basic-Auth on an unmatchable path (line ${rule.line})`);
      continue;
    }
    checkTokenLength(pattern, `_headers line ${rule.line}: the path`);
    if (rule.basicAuth) {
      auth.push({ line: rule.line, pattern, userFile: sshaUserFile(rule.path, rule.basicAuth) });
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
  const nginx: TranslatedRules = { rewrites, headers: blocks };
  if (auth.length > 0) nginx.auth = auth;
  return { nginx, warnings };
}

/**
 * Header values go into nginx strings that expand `$variables`, and nginx has no escape for `$`. Quotes,
 * `;` and braces are inert inside a quoted string (CSP values need `;` and `'`), so only `$`, `\` and
 * non-printable or non-ASCII characters are refused.
 */
const isSafeHeaderValue = (v: string) => /^[\x20-\x7e]+$/.test(v) && !/[$\\]/.test(v);

/** Characters a redirect target may hold: RFC 3986 URI characters minus `'` and `;`, never `$`. */
const SAFE_TARGET = /^[A-Za-z0-9\-._~:/?#[\]@!&()*+,=%]+$/;

/** What a query placeholder may capture: no `/`, `&`, `#` or quote, and never `.` or `..` alone. */
const QUERY_CAPTURE = "(?!\\.\\.?(?:&|$))([A-Za-z0-9._~%!'()*+,;:@-]*)";

function translateRedirect(rule: RedirectRule, note: (why: string) => void): NginxRewrite | string {
  const pattern = pathPattern(rule.from, 'redirects');
  if (pattern === null) return `"${rule.from}" has an invalid %-escape`;
  checkTokenLength(pattern, `_redirects line ${rule.line}: the source`);
  const names = rule.from
    .split('/')
    .filter((s) => s === '*' || PLACEHOLDER.test(s))
    .map((s) => (s === '*' ? 'splat' : s.slice(1)));
  // nginx numbers captures $1..$9 and reads a single digit after `$`.
  if (names.length > 9) return 'more than 9 placeholders';
  if (!SAFE_TARGET.test(rule.to)) {
    return `the destination "${rule.to}" holds characters that are not allowed in a URL here`;
  }
  let to = rule.to;
  const internal = rule.status === 200 || rule.status === 401 || rule.status === 404;
  if (internal && !ABSOLUTE_URL.test(to)) {
    const normalised = normaliseTarget(to);
    if (normalised === null) return `the destination "${rule.to}" leaves the site (too many ".." segments)`;
    to = normalised;
  }
  const queryNames = (rule.query ?? []).flatMap((q) =>
    q.value && 'placeholder' in q.value ? [q.value.placeholder] : [],
  );
  // Names start with a letter or `_`, so a port (`https://host:8080`) is never taken for a placeholder.
  let target = to.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
    const index = names.indexOf(name);
    if (index !== -1) return `$${index + 1}`;
    const q = queryNames.indexOf(name);
    if (q !== -1) return `\${q${q + 1}}`;
    note(`"${whole}" in the destination is not a placeholder of the source; kept as text`);
    return whole;
  });
  const out: NginxRewrite = { line: rule.line, pattern, target, status: rule.status, force: rule.force };
  if (rule.query) {
    out.query = queryPattern(rule.query);
    // The parameters were the rule's condition: the destination gets its own query string, or none
    // (nginx appends the request's arguments unless the replacement ends with `?`).
    if (rule.status !== 401 && rule.status !== 404 && !target.includes('?')) target += '?';
    out.target = target;
  }
  if (rule.origin) out.origin = `${rule.origin.scheme}://${rule.origin.host}`;
  if (rule.conditions) {
    out.deny = true;
    note(
      `conditions (${rule.conditions.join(' ')}) are not supported; Launchpad cannot tell who meets them, ` +
        'so the paths this rule matches are denied (404) unless a later rule applies',
    );
  }
  return out;
}

/** Lookaheads over the raw query string, one per condition, in any order; placeholders capture in order. */
function queryPattern(conditions: readonly QueryCondition[]): string {
  let out = '^';
  for (const { key, value } of conditions) {
    const k = literalPattern(key)!;
    if (value === null) out += `(?=(?:.*&)?${k}(?:[=&]|$))`;
    else if ('placeholder' in value) out += `(?=(?:.*&)?${k}=${QUERY_CAPTURE}(?:&|$))`;
    else
      out += `(?=(?:.*&)?${k}=${value.literal.replace(/[^A-Za-z0-9_~-]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}(?:&|$))`;
  }
  return out;
}

/**
 * A path becomes a regex of `\xHH` escapes, up to 15 characters of config per character of path (a
 * three-byte UTF-8 character, its backslashes escaped again inside quotes). nginx refuses a token longer
 * than its 4 KiB read buffer, so the limit is on what is written, not on what was read.
 */
function checkTokenLength(pattern: string, what: string): void {
  const written = pattern.length + (pattern.match(/[\\"]/g)?.length ?? 0) + 16;
  if (written > NGINX_TOKEN) {
    throw new RulesLimitError(`${what} is too long once written as an nginx pattern (use a shorter path)`);
  }
}

/** What nginx-syntax.ts accepts for one quoted token (nginx's buffer is 4096 bytes). */
const NGINX_TOKEN = 4090;
