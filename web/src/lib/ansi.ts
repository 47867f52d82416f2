import Anser from 'anser';

/** A run of text with one style: CSS class names for the colours and weights it was printed with. */
export interface Segment {
  text: string;
  classes: string;
}

// Escapes that are not colours: cursor movement and erasing (CSI other than `m`), OSC (titles, links).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const NOT_COLOUR = /\x1b\[[0-9;?]*[A-Za-ln-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const ANY_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;

const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** anser's class for a basic or bright colour ("ansi-bright-red") → our SGR-numbered class ("ansi-fg-91"). */
function colourClass(name: string | null, layer: 'fg' | 'bg'): string | null {
  const match = name ? /^ansi-(bright-)?([a-z]+)$/.exec(name) : null;
  const index = match ? COLOURS.indexOf(match[2]!) : -1;
  if (index < 0) return null; // 256-colour beyond the basic 16 and true colour: the default colour
  const base = (layer === 'fg' ? 30 : 40) + (match![1] ? 60 : 0);
  return `ansi-${layer}-${base + index}`;
}

/**
 * Splits one log line at its ANSI escapes with anser (a maintained parser): SGR colours, bold, dim, italic
 * and underline become classes; every other escape is dropped, so build tools' colours show and their
 * cursor tricks do not.
 */
export function parseAnsi(line: string): Segment[] {
  const entries = Anser.ansiToJson(line.replace(NOT_COLOUR, ''), { use_classes: true, remove_empty: true });
  return entries.map((e) => {
    const classes = [colourClass(e.fg, 'fg'), colourClass(e.bg, 'bg')];
    for (const d of e.decorations ?? []) {
      if (d === 'bold' || d === 'dim' || d === 'italic' || d === 'underline') classes.push(`ansi-${d}`);
    }
    return { text: e.content, classes: classes.filter(Boolean).join(' ') };
  });
}

/** The line without escapes (for copying, searching, tests). */
export function stripAnsi(line: string): string {
  return line.replace(ANY_ESCAPE, '');
}
