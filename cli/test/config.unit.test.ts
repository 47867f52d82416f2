import { lstat, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configPath,
  mergeSettings,
  normalizeUrl,
  readConfig,
  requireSettings,
  writeConfig,
} from '../src/config.js';

describe('configPath', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/x/cfg' }, '/x/cfg/launchpad/config.json'],
    [{}, '/home/u/.config/launchpad/config.json'],
    [{ XDG_CONFIG_HOME: '' }, '/home/u/.config/launchpad/config.json'],
    // The XDG spec: a relative value is invalid and ignored.
    [{ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/u/.config/launchpad/config.json'],
  ])('%j → %s', (env, path) => {
    expect(configPath(env, '/home/u')).toBe(path);
  });
});

describe('mergeSettings: LAUNCHPAD_URL and LAUNCHPAD_TOKEN override the file, each on its own', () => {
  const saved = { url: 'http://saved:8080', token: 'saved-token' };
  it.each([
    [saved, {}, { url: 'http://saved:8080', token: 'saved-token' }],
    [saved, { LAUNCHPAD_TOKEN: 'env-token' }, { url: 'http://saved:8080', token: 'env-token' }],
    [saved, { LAUNCHPAD_URL: 'https://env.example/' }, { url: 'https://env.example', token: 'saved-token' }],
    [null, { LAUNCHPAD_URL: 'http://a:1', LAUNCHPAD_TOKEN: 't' }, { url: 'http://a:1', token: 't' }],
    [null, {}, {}],
    [saved, { LAUNCHPAD_TOKEN: '' }, { url: 'http://saved:8080', token: 'saved-token' }],
  ])('%j + %j', (file, env, merged) => {
    expect(mergeSettings(file, env)).toEqual(merged);
  });

  it('a missing URL or token is NOT_CONFIGURED with the way out', () => {
    expect(() => requireSettings({ url: 'http://a' })).toThrow(/launchpad login/);
    expect(() => requireSettings({ token: 't' })).toThrow(
      expect.objectContaining({ code: 'NOT_CONFIGURED' }),
    );
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['https://lp.example.com', 'https://lp.example.com'],
    ['https://lp.example.com/base/', 'https://lp.example.com/base'],
  ])('%s → %s', (raw, url) => {
    expect(normalizeUrl(raw)).toBe(url);
  });
  it.each([
    ['not a url', /not a URL/],
    ['ftp://x', /http/],
    ['https://user:secret@x', /--token/],
    ['https://x/?token=1', /query/],
  ])('refuses %s', (raw, message) => {
    expect(() => normalizeUrl(raw)).toThrow(message);
  });
});

describe('the config file', () => {
  let dir: string;
  let umask: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-cli-config-'));
    // The mode must hold without help from the umask.
    umask = process.umask(0);
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(dir, { recursive: true, force: true });
  });

  it('is written with mode 0600 in a 0700 folder it creates, and read back', async () => {
    const path = join(dir, 'cfg/launchpad/config.json');
    await writeConfig(path, { url: 'http://a:1', token: 'lp_pat_secret' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'cfg/launchpad'))).mode & 0o777).toBe(0o700);
    expect(await readConfig(path)).toEqual({ url: 'http://a:1', token: 'lp_pat_secret' });
  });

  it('replacing a world-readable file leaves a 0600 one, and no temporary file behind', async () => {
    const path = join(dir, 'config.json');
    await writeFile(path, '{"url":"http://old","token":"old"}', { mode: 0o644 });
    await writeConfig(path, { url: 'http://new', token: 'new' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readConfig(path)).toEqual({ url: 'http://new', token: 'new' });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['config.json']);
  });

  it('a config.json planted as a symlink is replaced, never written through', async () => {
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'keep me');
    await mkdir(join(dir, 'launchpad'));
    const path = join(dir, 'launchpad/config.json');
    await symlink(victim, path);
    await writeConfig(path, { url: 'http://a', token: 't' });
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect((await lstat(path)).isFile()).toBe(true);
  });

  it('no file is no settings; a broken file is NOT_CONFIGURED without its content in the message', async () => {
    expect(await readConfig(join(dir, 'none.json'))).toBeNull();
    const path = join(dir, 'config.json');
    await writeFile(path, '{"token": "lp_pat_leak');
    const err = await readConfig(path).catch((e) => e);
    expect(err.code).toBe('NOT_CONFIGURED');
    expect(err.message).not.toContain('lp_pat_leak');
  });
});
