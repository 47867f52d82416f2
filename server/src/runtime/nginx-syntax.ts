/** Writing nginx config safely: every value that comes from a site goes through these. */

/** Text nginx would otherwise expand (`add_header` values, map values): it has no escape for `$`. */
export function literal(value: string): string {
  if (value.includes('$')) throw new Error(`Refusing "$" in an nginx value: ${value}`);
  return quote(value);
}

export function headerName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) throw new Error(`Refusing the header name ${name}`);
  return name;
}

/** Rule patterns come from netlify-rules.ts, always anchored; the probe relies on the leading `^`. */
export function anchored(pattern: string): string {
  if (!pattern.startsWith('^')) throw new Error(`Refusing an unanchored pattern: ${pattern}`);
  return pattern;
}

/**
 * A double-quoted nginx string. nginx unescapes `\"` and `\\` inside quotes and leaves other backslashes
 * alone, so escaping both keeps regexes and values byte for byte. Line breaks cannot be quoted at all.
 */
export function quote(s: string): string {
  if ([...s].some((c) => c < ' ' || c === '\x7f'))
    throw new Error(`Refusing a control character in nginx config: ${JSON.stringify(s)}`);
  const quoted = `"${s.replace(/[\\"]/g, '\\$&')}"`;
  // nginx reads its config through a 4 KiB buffer and fails on a longer token ("too long parameter");
  // netlify/limits.ts keeps site input well under this.
  if (quoted.length > MAX_TOKEN) throw new Error(`Refusing an nginx token of ${quoted.length} characters`);
  return quoted;
}

const MAX_TOKEN = 4090;
