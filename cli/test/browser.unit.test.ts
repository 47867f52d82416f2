import { describe, expect, it } from 'vitest';
import { browserCommand } from '../src/browser.js';

const URL = 'https://s.example.com';
const has =
  (...commands: string[]) =>
  (c: string) =>
    commands.includes(c);

describe('browserCommand: a browser only when one is available', () => {
  it.each([
    ['linux with a display and xdg-open', 'linux', { DISPLAY: ':0' }, has('xdg-open'), 'xdg-open'],
    ['linux on Wayland', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, has('xdg-open'), 'xdg-open'],
    ['linux over SSH (no display)', 'linux', {}, has('xdg-open'), null],
    ['linux with a display but no xdg-open', 'linux', { DISPLAY: ':0' }, has(), null],
    ['$BROWSER wins (first entry)', 'linux', { BROWSER: 'firefox:chromium' }, has('firefox'), 'firefox'],
    ['$BROWSER that is not installed', 'linux', { BROWSER: 'nosuch', DISPLAY: ':0' }, has('xdg-open'), null],
    ['macOS', 'darwin', {}, has('open'), 'open'],
    ['Windows', 'win32', {}, has(), 'explorer.exe'],
  ] as const)('%s', (_what, platform, env, exists, command) => {
    const found = browserCommand(URL, platform, env, exists);
    if (command === null) expect(found).toBeNull();
    else expect(found).toEqual({ command, args: [URL] });
  });
});
