import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from '../src/lib/ansi';

describe('parseAnsi', () => {
  it('keeps plain text as one unstyled segment', () => {
    expect(parseAnsi('hello')).toEqual([{ text: 'hello', classes: '' }]);
  });

  it('turns SGR colours and weights into classes and resets on 0', () => {
    expect(parseAnsi('\x1b[1;31merror\x1b[0m done')).toEqual([
      { text: 'error', classes: 'ansi-fg-31 ansi-bold' },
      { text: ' done', classes: '' },
    ]);
  });

  it('treats an empty SGR as a reset and 39 as the default colour', () => {
    expect(parseAnsi('\x1b[32mok\x1b[m plain \x1b[33ma\x1b[39mb')).toEqual([
      { text: 'ok', classes: 'ansi-fg-32' },
      { text: ' plain ', classes: '' },
      { text: 'a', classes: 'ansi-fg-33' },
      { text: 'b', classes: '' },
    ]);
  });

  it('reads 256-colour and true-colour arguments as colours, never as codes', () => {
    // 38;5;1 is palette red (not bold, 1); 38;2;4;5;6 is a true colour (not underline, 4): default colour.
    expect(parseAnsi('\x1b[38;5;1mx\x1b[0m\x1b[38;2;4;5;6my')).toEqual([
      { text: 'x', classes: 'ansi-fg-31' },
      { text: 'y', classes: '' },
    ]);
  });

  it('maps bright colours and backgrounds', () => {
    expect(parseAnsi('\x1b[92;43mwarn')).toEqual([{ text: 'warn', classes: 'ansi-fg-92 ansi-bg-43' }]);
  });

  it('drops cursor movement, erase and OSC sequences', () => {
    expect(stripAnsi('\x1b[2K\x1b[1Gadded 3 packages\x1b]0;title\x07')).toBe('added 3 packages');
    expect(parseAnsi('\x1b[2K\x1b[1Gdone')).toEqual([{ text: 'done', classes: '' }]);
  });
});
