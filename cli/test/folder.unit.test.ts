import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badName, isIgnored, scanFolder } from '../src/folder.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('isIgnored: what a deploy leaves out, as Netlify CLI does', () => {
  it.each([
    ['.git', false, true],
    ['.env', false, true],
    ['.DS_Store', false, true],
    ['.well-known', false, false],
    ['__MACOSX', false, true],
    ['node_modules', false, false],
    ['node_modules', true, true],
    ['index.html', true, false],
    ['_redirects', false, false],
    ['_headers', false, false],
    ['a.b', false, false],
  ])('%s (project root %s) → ignored %s', (name, projectRoot, ignored) => {
    expect(isIgnored(name, projectRoot)).toBe(ignored);
  });
});

describe('badName: names the server would refuse are refused first', () => {
  it.each([
    ['index.html', null],
    ['..\\..\\etc\\passwd', 'backslash'],
    ['a\nb', 'control character'],
    ['a\u0000b', 'control character'],
    ['x'.repeat(256), 'longer than 255'],
    ['é'.repeat(127), null],
  ])('%j', (name, problem) => {
    const answer = badName(name);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });
});

describe('scanFolder', () => {
  let base: string;
  let site: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'launchpad-cli-folder-'));
    site = join(base, 'site');
    await mkdir(join(site, 'assets/img'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<h1>home</h1>');
    await writeFile(join(site, 'assets/app.js'), 'console.log(1)');
    await writeFile(join(site, 'assets/img/logo.svg'), '<svg/>');
    await writeFile(join(site, 'copy.html'), '<h1>home</h1>');
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('lists every regular file with its size and sha256, paths relative and /-separated, in a stable order', async () => {
    const scan = await scanFolder(site);
    expect(scan.files.map((f) => [f.path, f.size, f.sha256])).toEqual([
      ['assets/app.js', 14, sha('console.log(1)')],
      ['assets/img/logo.svg', 6, sha('<svg/>')],
      ['copy.html', 13, sha('<h1>home</h1>')],
      ['index.html', 13, sha('<h1>home</h1>')],
    ]);
    expect(scan.bytes).toBe(46);
    expect(scan.skipped).toEqual([]);
  });

  it('symlink escape: links to a file or a folder outside the site are skipped, never read', async () => {
    await mkdir(join(base, 'secret'));
    await writeFile(join(base, 'secret/id_rsa'), 'PRIVATE KEY');
    await symlink(join(base, 'secret/id_rsa'), join(site, 'key.txt'));
    await symlink(join(base, 'secret'), join(site, 'assets/escape'));
    await symlink('../../secret/id_rsa', join(site, 'assets/relative-escape'));
    // Even a link that stays inside is not followed: the file it names is deployed under its own path.
    await symlink('index.html', join(site, 'alias.html'));
    const scan = await scanFolder(site);
    expect(scan.files.map((f) => f.path)).toEqual([
      'assets/app.js',
      'assets/img/logo.svg',
      'copy.html',
      'index.html',
    ]);
    expect(scan.files.some((f) => f.sha256 === sha('PRIVATE KEY'))).toBe(false);
    expect(scan.skipped).toEqual([
      { path: 'alias.html', reason: 'symlink' },
      { path: 'assets/escape', reason: 'symlink' },
      { path: 'assets/relative-escape', reason: 'symlink' },
      { path: 'key.txt', reason: 'symlink' },
    ]);
  });

  it('path traversal: a file whose name holds a backslash (..\\..\\x) refuses the deploy with its path', async () => {
    await writeFile(join(site, 'x\\..\\..\\evil.html'), 'evil');
    await expect(scanFolder(site)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: /backslash/ });
  });

  it('dotfiles and .git are left out, .well-known is kept; node_modules only at a project root', async () => {
    await mkdir(join(site, '.git/objects'), { recursive: true });
    await writeFile(join(site, '.git/config'), '[core]');
    await writeFile(join(site, '.env'), 'SECRET=1');
    await mkdir(join(site, '.well-known'));
    await writeFile(join(site, '.well-known/security.txt'), 'Contact: x');
    await mkdir(join(site, 'node_modules/lib'), { recursive: true });
    await writeFile(join(site, 'node_modules/lib/index.js'), 'x');
    let scan = await scanFolder(site);
    expect(scan.files.map((f) => f.path)).toContain('.well-known/security.txt');
    expect(scan.files.map((f) => f.path)).toContain('node_modules/lib/index.js');
    expect(scan.files.map((f) => f.path).some((p) => p.startsWith('.git') || p === '.env')).toBe(false);
    expect(scan.skipped).toEqual([
      { path: '.env', reason: 'ignored' },
      { path: '.git', reason: 'ignored' },
    ]);

    await writeFile(join(site, 'package.json'), '{}');
    scan = await scanFolder(site);
    expect(scan.files.map((f) => f.path).some((p) => p.startsWith('node_modules'))).toBe(false);
    expect(scan.skipped).toContainEqual({ path: 'node_modules', reason: 'ignored' });
  });

  it('a FIFO is skipped (reading it would hang the deploy)', async () => {
    execFileSync('mkfifo', [join(site, 'pipe')]);
    const scan = await scanFolder(site);
    expect(scan.skipped).toEqual([{ path: 'pipe', reason: 'not a regular file' }]);
  });

  it('a missing folder, a file, or a folder with nothing to deploy is BAD_USER_INPUT', async () => {
    await expect(scanFolder(join(base, 'nope'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(scanFolder(join(site, 'index.html'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await mkdir(join(base, 'empty/.git'), { recursive: true });
    await writeFile(join(base, 'empty/.git/HEAD'), 'ref');
    await expect(scanFolder(join(base, 'empty'))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: /no files to deploy/,
    });
  });

  it('the folder itself may be a symlink: the user named it', async () => {
    await symlink(site, join(base, 'dist'));
    const scan = await scanFolder(join(base, 'dist'));
    expect(scan.files).toHaveLength(4);
  });
});
