import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../src/errors.js';
import { formatBytes, table } from '../src/format.js';
import { Output, redact } from '../src/output.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 kB'],
    [1536, '1.5 kB'],
    [10 * 1024, '10 kB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [3 * 1024 ** 4, '3.0 TB'],
  ])('%d → %s', (n, s) => {
    expect(formatBytes(n)).toBe(s);
  });
});

it('table aligns columns and keeps the last one as is', () => {
  expect(
    table(
      ['A', 'LONG'],
      [
        ['xyz', 'u'],
        ['', 'v w'],
      ],
    ),
  ).toBe('A    LONG\nxyz  u\n     v w');
});

describe('Output', () => {
  const capture = (json: boolean) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = new Output(json, stdout, stderr);
    return {
      out,
      read: async () => {
        stdout.end();
        stderr.end();
        return { stdout: await text(stdout), stderr: await text(stderr) };
      },
    };
  };

  it('a token never leaves, whatever carries it', async () => {
    const { out, read } = capture(false);
    out.protect('lp_pat_abcdef123456');
    out.result({}, 'token lp_pat_abcdef123456 here');
    const status = out.fail(new CliError('UNAUTHENTICATED', 'bad token lp_pat_abcdef123456'));
    expect(status).toBe(EXIT.ERROR);
    const { stdout, stderr } = await read();
    expect(stdout + stderr).not.toContain('lp_pat_abcdef123456');
    expect(stderr).toBe('launchpad: UNAUTHENTICATED: bad token ***\n');
    expect(redact('aXa', ['X'])).toBe('a***a');
  });

  it('--json: the answer and the error are JSON on stdout, notes are silent', async () => {
    const { out, read } = capture(true);
    out.note('Hashed 3 files');
    out.result({ a: 1 }, 'text');
    expect(out.fail(new CliError('DEPLOY_FAILED', 'boom', EXIT.DEPLOY_FAILED))).toBe(EXIT.DEPLOY_FAILED);
    const { stdout, stderr } = await read();
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ a: 1 }, { error: { code: 'DEPLOY_FAILED', message: 'boom' } }]);
    expect(stderr).toBe('launchpad: DEPLOY_FAILED: boom\n');
  });

  it('an unexpected error is INTERNAL with exit status 1', async () => {
    const { out, read } = capture(false);
    expect(out.fail(new Error('oops'))).toBe(1);
    expect((await read()).stderr).toBe('launchpad: INTERNAL: oops\n');
  });
});
