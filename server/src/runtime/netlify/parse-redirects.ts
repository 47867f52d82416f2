import { DEFAULT_RULE_LIMITS, type RuleLimits, RulesLimitError } from './limits.js';
import {
  ABSOLUTE_URL,
  type Parsed,
  PLACEHOLDER,
  type QueryCondition,
  type RedirectRule,
  type RedirectStatus,
} from './rules.js';
import { splitLines } from './text.js';

/**
 * `_redirects`, one line at a time: `from [query…] [to] [status[!]] [conditions…]`. Lines Launchpad cannot
 * serve become warnings naming the line; a file beyond the limits throws RulesLimitError.
 */
export class RedirectsParser {
  private readonly rules: RedirectRule[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly limits: RuleLimits = DEFAULT_RULE_LIMITS) {}

  line(raw: string, n: number): void {
    if (Buffer.byteLength(raw) > this.limits.lineBytes) {
      throw new RulesLimitError(`_redirects line ${n} is longer than ${this.limits.lineBytes} bytes`);
    }
    // A token that starts with `#` starts a comment; a `#` inside a URL (a fragment) does not.
    const all = raw.trim().split(/\s+/);
    const end = all.findIndex((t) => t.startsWith('#'));
    const tokens = (end === -1 ? all : all.slice(0, end)).filter(Boolean);
    if (tokens.length === 0) return;
    const result = parseRedirectLine(tokens);
    if (typeof result === 'string') {
      this.warnings.push(`_redirects line ${n}: ${result}; rule skipped`);
      return;
    }
    if (result.from.length > this.limits.pathChars) {
      throw new RulesLimitError(
        `_redirects line ${n}: the source is longer than ${this.limits.pathChars} characters`,
      );
    }
    if (result.to.length > this.limits.valueChars) {
      throw new RulesLimitError(
        `_redirects line ${n}: the destination is longer than ${this.limits.valueChars} characters`,
      );
    }
    if (this.rules.length >= this.limits.redirectRules) {
      throw new RulesLimitError(
        `_redirects has more than ${this.limits.redirectRules} rules; Launchpad serves at most that many`,
      );
    }
    this.rules.push({ line: n, ...result });
  }

  result(): Parsed<RedirectRule> {
    return { rules: this.rules, warnings: this.warnings };
  }
}

export function parseRedirects(text: string, limits?: RuleLimits): Parsed<RedirectRule> {
  const parser = new RedirectsParser(limits);
  for (const [i, raw] of splitLines(text).entries()) parser.line(raw, i + 1);
  return parser.result();
}

const STATUSES: readonly number[] = [200, 301, 302, 401, 404];
const STATUS_TOKEN = /^(\d{3})(!?)$/;
const QUERY_KEY = /^[A-Za-z0-9._~-]+$/;
const QUERY_VALUE = /^[A-Za-z0-9._~%!'()*+,;:@-]*$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

type Line = Omit<RedirectRule, 'line'>;

/** One rule's tokens (comment removed); returns why when Launchpad cannot serve it. */
function parseRedirectLine(tokens: string[]): Line | string {
  const source = parseSource(tokens[0]!);
  if (typeof source === 'string') return source;
  const { from, origin } = source;
  let rest = tokens.slice(1);
  let to: string;
  if (rest[0] && STATUS_TOKEN.test(rest[0])) {
    // A "forward" rule (`/app/* 200!`): without a destination, `/*` goes to `/:splat` (Netlify's parser).
    if (!from.endsWith('/*') || !rest[0].startsWith('2')) {
      return 'missing destination (a path starting with / or an http(s) URL)';
    }
    to = `${from.slice(0, -2)}/:splat`;
  } else {
    const toIndex = rest.findIndex((t) => t.startsWith('/') || ABSOLUTE_URL.test(t));
    if (toIndex === -1) return 'missing destination (a path starting with / or an http(s) URL)';
    const query = parseQuery(rest.slice(0, toIndex));
    if (typeof query === 'string') return query;
    to = rest[toIndex]!;
    rest = rest.slice(toIndex + 1);
    return finish(from, to, rest, origin, query);
  }
  return finish(from, to, rest, origin, []);
}

function finish(
  from: string,
  to: string,
  tokens: string[],
  origin: Line['origin'],
  query: QueryCondition[],
): Line | string {
  let rest = tokens;
  let status = 301; // Netlify's default
  let force = false;
  const code = rest[0] ? STATUS_TOKEN.exec(rest[0]) : null;
  if (code) {
    status = Number(code[1]);
    force = code[2] === '!';
    rest = rest.slice(1);
  }
  const conditions = rest.filter((t) => t.includes('='));
  if (conditions.length < rest.length) {
    return `unrecognised text after the destination (${rest.filter((t) => !t.includes('=')).join(' ')})`;
  }
  if (!STATUSES.includes(status)) {
    return `status ${status} is not supported (use 200, 301, 302, 401 or 404)`;
  }
  if (ABSOLUTE_URL.test(to) && status !== 301 && status !== 302) {
    return `proxying to another site (${status} to ${to}) is not supported; use 301 or 302`;
  }
  const bad = checkSource(from);
  if (bad) return bad;
  const rule: Line = { from, to, status: status as RedirectStatus, force };
  if (origin) rule.origin = origin;
  if (query.length > 0) rule.query = query;
  if (conditions.length > 0) rule.conditions = conditions;
  return rule;
}

/** A path, or a domain-level `http(s)://host/path` (Netlify: "domain-level redirects"). */
function parseSource(token: string): { from: string; origin?: Line['origin'] } | string {
  let from = token;
  let origin: Line['origin'];
  if (ABSOLUTE_URL.test(token)) {
    const m = /^(https?):\/\/([^/?#]+)(\/[^?#]*)?$/i.exec(token);
    const host = m?.[2]?.toLowerCase().replace(/\.$/, '');
    if (!m || !host || !HOST.test(host)) {
      return `the source "${token}" is not an http(s) URL with a host name (no port, no query)`;
    }
    origin = { scheme: m[1]!.toLowerCase() as 'http' | 'https', host };
    from = m[3] ?? '/';
  } else if (token.startsWith('//')) {
    return `the source "${token}" has no scheme; write http:// or https://`;
  } else if (!token.startsWith('/')) {
    return `the source "${token}" must be a path starting with /`;
  }
  // Netlify refuses these: its own endpoints live there.
  if (from === '/.netlify' || from.startsWith('/.netlify/')) {
    return 'rules on /.netlify paths are not allowed (Netlify refuses them too)';
  }
  return origin ? { from, origin } : { from };
}

/** `key=:name`, `key=value` or `key` tokens between the source and the destination. */
function parseQuery(tokens: string[]): QueryCondition[] | string {
  const out: QueryCondition[] = [];
  for (const token of tokens) {
    const eq = token.indexOf('=');
    const key = eq === -1 ? token : token.slice(0, eq);
    const value = eq === -1 ? null : token.slice(eq + 1);
    if (!QUERY_KEY.test(key)) return `"${token}" is not a query-parameter condition (key=:name or key=value)`;
    if (value === null) out.push({ key, value: null });
    else if (PLACEHOLDER.test(value)) out.push({ key, value: { placeholder: value.slice(1) } });
    else if (QUERY_VALUE.test(value) && value !== '') out.push({ key, value: { literal: value } });
    else return `"${token}" is not a query-parameter condition (key=:name or key=value)`;
  }
  if (out.length > 9) return 'more than 9 query-parameter conditions';
  return out;
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
