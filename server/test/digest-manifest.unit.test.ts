import { describe, expect, it } from 'vitest';
import { checkDigestFiles } from '../src/source/digest-manifest.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const limits = { maxFiles: 3, maxUncompressedBytes: 1000 };
const file = (path: string, sha256 = A, size = 1) => ({ path, sha256, size });

describe('checkDigestFiles', () => {
  it('groups the paths of each digest and sums the sizes', () => {
    const m = checkDigestFiles(
      [file('index.html'), file('copy/index.html'), file('b.css', B.toUpperCase(), 5)],
      limits,
    );
    expect(m.bytes).toBe(7);
    expect([...m.blobs]).toEqual([
      [A, { size: 1, paths: ['index.html', 'copy/index.html'] }],
      [B, { size: 5, paths: ['b.css'] }],
    ]);
    expect(m.files[2]!.sha256).toBe(B); // normalised to lowercase
  });

  // Each refused like the zip entry it would be (source/entry-path.ts), with BAD_USER_INPUT on `files`.
  it.each([
    ['path traversal', [file('../etc/passwd')], /outside/],
    ['traversal in the middle', [file('a/../../b')], /outside/],
    ['an absolute path', [file('/etc/passwd')], /absolute/],
    ['a Windows drive', [file('C:/x')], /absolute/],
    ['a backslash', [file('a\\..\\b')], /backslash/],
    ['a NUL byte', [file('a\u0000b')], /control character/],
    ['an empty segment', [file('a//b')], /empty/],
    ['a folder entry', [file('dir/')], /folder/],
    ['the same path twice', [file('a'), file('a')], /twice/],
    ['a file that is also a folder', [file('a'), file('a/b')], /both a file and a folder/],
    ['too many files', [file('a'), file('b'), file('c'), file('d')], /limit is 3/],
    ['no files', [], /at least one/],
    ['a short digest', [file('a', 'abc')], /64 hexadecimal/],
    ['a non-hex digest', [file('a', 'g'.repeat(64))], /64 hexadecimal/],
    ['a negative size', [file('a', A, -1)], /whole number/],
    ['a fractional size', [file('a', A, 1.5)], /whole number/],
    ['one digest with two sizes', [file('a', A, 1), file('b', A, 2)], /another size/],
    ['more bytes than the site limit', [file('a', A, 600), file('b', B, 600)], /limit is/],
  ])('refuses %s', (_name, files, message) => {
    expect(() => checkDigestFiles(files, limits)).toThrow(message);
    try {
      checkDigestFiles(files, limits);
    } catch (err) {
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
    }
  });
});
