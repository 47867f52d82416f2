import { PLACEHOLDER } from './rules.js';

/**
 * A Netlify path as an anchored PCRE. Literal characters are written as `\xHH` bytes (nginx matches the
 * decoded path, so `%20` in the file means a space), which keeps every regex metacharacter and every
 * character that means something to nginx out of the pattern.
 *
 * `_redirects`: `*` only as the whole last segment (a capture), `:name` segments capture.
 * `_headers`: `*` anywhere matches anything; a last `/*` also matches the folder itself (`/path`).
 */
export function pathPattern(path: string, kind: 'redirects' | 'headers'): string | null {
  let body = '';
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.split('/').slice(1);
  for (const [k, segment] of segments.entries()) {
    const last = k === segments.length - 1;
    if (segment === '*' && last) {
      // Netlify matches regardless of a trailing slash; the splat is then empty (`/blog`, `/blog/`).
      if (kind === 'redirects') return `^${body}(?:/(.*))?$`;
      return body === '' ? '^/.*$' : `^${body}(?:/.*)?$`;
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

export function literalPattern(text: string): string | null {
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

/**
 * The path of a rewrite destination (200, 401, 404) with `.` and `..` segments resolved, as a browser
 * would; `null` when it climbs above the site's root. nginx does not normalise the result of a rewrite or
 * an error_page URI, and its root plus `/../../etc/passwd` is the container's password file. `%2e` counts
 * as a dot. Placeholders are opaque here (their values come from the normalised request path; nginx-config
 * also refuses any dot segment at request time).
 */
export function normaliseTarget(to: string): string | null {
  const cut = to.search(/[?#]/);
  const path = cut === -1 ? to : to.slice(0, cut);
  const rest = cut === -1 ? '' : to.slice(cut);
  const out: string[] = [];
  const segments = path.split('/').slice(1);
  for (const [k, raw] of segments.entries()) {
    const segment = raw.replace(/%2e/gi, '.');
    const last = k === segments.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..' && out.pop() === undefined) return null;
      if (last) out.push('');
      continue;
    }
    out.push(raw);
  }
  return `/${out.join('/')}${rest}`;
}
