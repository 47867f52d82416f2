/**
 * Build log redaction: every secret value of a site, and the encodings a build most often prints it in,
 * becomes `***` before a line is stored or published.
 *
 * Container output arrives in chunks that split wherever the pipe did, so a value can straddle two chunks;
 * `StreamRedactor` holds back the end of what it has seen for as long as it could still be the start of a
 * secret, and never longer.
 */

export const MASK = '***';
/**
 * Values shorter than this are not searched for: masking every "1" or "on" would make logs unreadable
 * while hiding nothing (a value that short is no secret).
 */
export const MIN_REDACTED_CHARS = 4;

/**
 * The strings to mask for these secret values: each value, its base64 (padded, unpadded, and the part
 * that stays the same whatever follows the value, as in `echo $S | base64`), and its URL encodings.
 * Longest first, so that where two overlap the longer one is masked whole.
 */
export function redactionForms(values: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    if (value.length < MIN_REDACTED_CHARS) continue;
    forms.add(value);
    const bytes = Buffer.from(value, 'utf8');
    const b64 = bytes.toString('base64');
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    const stable = b64.slice(0, Math.floor(bytes.length / 3) * 4);
    if (stable.length >= MIN_REDACTED_CHARS) forms.add(stable);
    forms.add(bytes.toString('base64url').replace(/=+$/, ''));
    const url = encodeURIComponent(value);
    forms.add(url);
    forms.add(url.replace(/%20/g, '+'));
  }
  return [...forms].filter((f) => f.length >= MIN_REDACTED_CHARS).sort((a, b) => b.length - a.length);
}

/** The leftmost occurrence of any form at or after `from` (longest at that position), or null. */
function nextMatch(text: string, forms: readonly string[], from: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (const form of forms) {
    const at = text.indexOf(form, from);
    if (at !== -1 && (best === null || at < best[0])) best = [at, form.length];
  }
  return best;
}

/** Masks every occurrence of the forms in a complete piece of text. */
export function redactText(text: string, forms: readonly string[]): string {
  if (forms.length === 0) return text;
  const { out, end } = redactUpTo(text, forms);
  return out + text.slice(end);
}

/**
 * Masks matches from the start; with `more` (a stream: text may follow), stops before a match that a
 * longer form could still extend (the full base64 of a value begins with its stable part), so the longer
 * one is masked whole once it arrives.
 */
function redactUpTo(text: string, forms: readonly string[], more = false): { out: string; end: number } {
  let out = '';
  let i = 0;
  for (let m = nextMatch(text, forms, 0); m; m = nextMatch(text, forms, i)) {
    const rest = text.length - m[0];
    if (more && forms.some((f) => f.length > rest && f.startsWith(text.slice(m[0])))) break;
    out += text.slice(i, m[0]) + MASK;
    i = m[0] + m[1];
  }
  return { out, end: i };
}

/**
 * Masks the forms in a stream of text chunks and hands on the result in order. What it holds back is only
 * the shortest tail that is still the beginning of some form, so output is delayed only while it may be
 * part of a secret; `end()` hands on the rest.
 */
export class StreamRedactor {
  private pending = '';

  constructor(
    private readonly forms: readonly string[],
    private readonly emit: (text: string) => void,
  ) {}

  push(text: string): void {
    if (this.forms.length === 0) {
      if (text) this.emit(text);
      return;
    }
    const buf = this.pending + text;
    const { out, end } = redactUpTo(buf, this.forms, true);
    const hold = heldFrom(buf, end, this.forms);
    this.pending = buf.slice(hold);
    const ready = out + buf.slice(end, hold);
    if (ready) this.emit(ready);
  }

  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (rest) this.emit(redactText(rest, this.forms));
  }
}

/**
 * The first position at or after `from` where the rest of `buf` is a proper prefix of some form: the
 * output from there on may still turn into a secret. No complete form starts at or after `from` (the
 * caller masked them all), so a held tail is always shorter than the longest form.
 */
function heldFrom(buf: string, from: number, forms: readonly string[]): number {
  let hold = buf.length;
  for (const form of forms) {
    const first = form.charCodeAt(0);
    for (let p = Math.max(from, buf.length - form.length + 1); p < hold; p++) {
      if (buf.charCodeAt(p) === first && form.startsWith(buf.slice(p))) {
        hold = p;
        break;
      }
    }
  }
  return hold;
}
