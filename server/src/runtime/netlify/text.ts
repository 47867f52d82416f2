/** The lines of a rules file, without a byte-order mark; CRLF, LF and CR all end a line. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}
