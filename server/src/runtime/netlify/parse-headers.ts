import { DEFAULT_RULE_LIMITS, type RuleLimits, RulesLimitError } from './limits.js';
import type { Credential, Header, HeaderRule, Parsed } from './rules.js';
import { splitLines } from './text.js';

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
  // nginx sends it with a 401 challenge from Basic-Auth.
  'www-authenticate',
]);
export const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * `_headers`, one line at a time: an unindented path line starts a block, indented `Name: value` lines
 * follow. `Basic-Auth: user:password …` protects the block's path (Netlify "password protection") and is
 * never sent as a header. Lines Launchpad cannot serve become warnings; a file beyond the limits, or a
 * `Basic-Auth` line it cannot honour, throws RulesLimitError (serving the path unprotected is no fallback).
 */
export class HeadersParser {
  private readonly rules: HeaderRule[] = [];
  private readonly warnings: string[] = [];
  // The block being read; `null` before the first path and under a refused path (its lines go with it).
  private block: HeaderRule | null = null;
  private refused = false;
  private headerLines = 0;
  private totalHeaders = 0;

  constructor(private readonly limits: RuleLimits = DEFAULT_RULE_LIMITS) {}

  line(raw: string, n: number): void {
    if (Buffer.byteLength(raw) > this.limits.lineBytes) {
      throw new RulesLimitError(`_headers line ${n} is longer than ${this.limits.lineBytes} bytes`);
    }
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const warn = (why: string, what = 'skipped') => this.warnings.push(`_headers line ${n}: ${why}; ${what}`);
    if (!/^\s/.test(raw)) {
      // An unindented line starts a block.
      this.close();
      this.block = null;
      this.headerLines = 0;
      this.refused = true;
      if (!trimmed.startsWith('/')) warn(`"${trimmed}" is not a path (paths start with /)`, 'block skipped');
      else if (/\s/.test(trimmed))
        warn(`"${trimmed}" has spaces; a path line holds one path`, 'block skipped');
      else if (trimmed.length > this.limits.pathChars) {
        throw new RulesLimitError(
          `_headers line ${n}: the path is longer than ${this.limits.pathChars} characters`,
        );
      } else {
        this.refused = false;
        this.block = { line: n, path: trimmed, headers: [] };
      }
      return;
    }
    const block = this.block;
    if (this.refused) {
      if (/^basic-auth\s*:/i.test(trimmed)) {
        throw new RulesLimitError(`_headers line ${n}: Basic-Auth under a path Launchpad cannot serve`);
      }
      return;
    }
    if (!block) {
      if (/^basic-auth\s*:/i.test(trimmed)) {
        throw new RulesLimitError(`_headers line ${n}: Basic-Auth comes before any path line`);
      }
      warn('a header line comes before any path line');
      return;
    }
    this.headerLines++;
    if (++this.totalHeaders > this.limits.headerLines) {
      throw new RulesLimitError(`_headers has more than ${this.limits.headerLines} header lines`);
    }
    const header = parseHeaderLine(trimmed);
    if (typeof header === 'string') {
      warn(header);
      return;
    }
    if (header.value.length > this.limits.valueChars) {
      throw new RulesLimitError(
        `_headers line ${n}: the ${header.name} value is longer than ${this.limits.valueChars} characters`,
      );
    }
    if (header.name.toLowerCase() === 'basic-auth') {
      block.basicAuth = [...(block.basicAuth ?? []), ...parseCredentials(header.value, n)];
      return;
    }
    // Netlify: repeating a name inside a block joins the values into one, comma-separated.
    const same = block.headers.find((h) => h.name.toLowerCase() === header.name.toLowerCase());
    if (same) {
      same.value = `${same.value}, ${header.value}`;
      if (same.value.length > this.limits.valueChars) {
        throw new RulesLimitError(
          `_headers line ${n}: the joined ${header.name} value is longer than ${this.limits.valueChars} characters`,
        );
      }
    } else block.headers.push(header);
  }

  result(): Parsed<HeaderRule> {
    this.close();
    this.block = null;
    return { rules: this.rules, warnings: this.warnings };
  }

  private close(): void {
    const block = this.block;
    if (block && (block.headers.length > 0 || block.basicAuth)) {
      if (this.rules.length >= this.limits.headerBlocks) {
        throw new RulesLimitError(`_headers has more than ${this.limits.headerBlocks} path blocks`);
      }
      this.rules.push(block);
    } else if (block && this.headerLines === 0) {
      this.warnings.push(`_headers line ${block.line}: no headers under "${block.path}"; block skipped`);
    }
  }
}

export function parseHeaders(text: string, limits?: RuleLimits): Parsed<HeaderRule> {
  const parser = new HeadersParser(limits);
  for (const [i, raw] of splitLines(text).entries()) parser.line(raw, i + 1);
  return parser.result();
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
 * `user:password` pairs separated by spaces (Netlify). The user file nginx reads has one `user:hash` per
 * line, so a user name holds no `:` and neither holds control characters.
 */
function parseCredentials(value: string, n: number): Credential[] {
  return value.split(/\s+/).map((pair) => {
    const colon = pair.indexOf(':');
    const user = pair.slice(0, colon);
    const password = pair.slice(colon + 1);
    if (colon <= 0 || password === '' || !/^[\x21-\x7e]+$/.test(pair)) {
      throw new RulesLimitError(
        `_headers line ${n}: Basic-Auth takes "user:password" pairs separated by spaces; this path would be ` +
          'left unprotected, so the deploy stops',
      );
    }
    return { user, password };
  });
}
