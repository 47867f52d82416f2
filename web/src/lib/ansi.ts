/** A run of text with one style: CSS class names for the colours and weights it was printed with. */
export interface Segment {
  text: string;
  classes: string;
}

interface Style {
  fg?: number;
  bg?: number;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

// CSI sequences (SGR and cursor movement) and OSC sequences (titles, hyperlinks).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const ESCAPE = /\x1b\[([0-9;?]*)([A-Za-z])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;

/**
 * Splits one log line at its ANSI escapes. SGR colours (30–37, 90–97 and their backgrounds), bold, dim,
 * italic and underline become classes; every other escape is dropped, so build tools' colours show and
 * their cursor tricks do not.
 */
export function parseAnsi(line: string): Segment[] {
  const out: Segment[] = [];
  let style: Style = {};
  let at = 0;
  for (const m of line.matchAll(ESCAPE)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index), classes: classesOf(style) });
    at = m.index + m[0].length;
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
  }
  if (at < line.length) out.push({ text: line.slice(at), classes: classesOf(style) });
  return out;
}

/** The line without escapes (for copying, searching, tests). */
export function stripAnsi(line: string): string {
  return line.replace(ESCAPE, '');
}

function applySgr(current: Style, params: string): Style {
  const codes = params === '' ? [0] : params.split(';').map((p) => Number(p) || 0);
  let s = { ...current };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) s = {};
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 22) s.bold = s.dim = false;
    else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) s.fg = c;
    else if (c === 39) s.fg = undefined;
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) s.bg = c;
    else if (c === 49) s.bg = undefined;
    // 256-colour and true-colour forms: skip their arguments, keep the default colour.
    else if (c === 38 || c === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0;
  }
  return s;
}

function classesOf(s: Style): string {
  const list: string[] = [];
  if (s.fg !== undefined) list.push(`ansi-fg-${s.fg}`);
  if (s.bg !== undefined) list.push(`ansi-bg-${s.bg}`);
  if (s.bold) list.push('ansi-bold');
  if (s.dim) list.push('ansi-dim');
  if (s.italic) list.push('ansi-italic');
  if (s.underline) list.push('ansi-underline');
  return list.join(' ');
}
