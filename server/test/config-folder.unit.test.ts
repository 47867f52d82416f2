import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigChange } from '../src/runtime/docker/config-folder.js';

let root: string;
let live: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'launchpad-config-'));
  live = join(root, 'nginx');
  await mkdir(join(live, 'permalinks'), { recursive: true });
  await writeFile(join(live, 'default.conf'), 'old main');
  await writeFile(join(live, 'permalinks', 'a.conf'), 'deploy a');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out[join(e.parentPath, e.name).slice(dir.length + 1)] = await readFile(
        join(e.parentPath, e.name),
        'utf8',
      );
  }
  return out;
}

describe('a change of the nginx config folder', () => {
  it('stages the folder as it will be, elsewhere, leaving the live one untouched', async () => {
    const change = await ConfigChange.plan(live, [
      ['permalinks/b.conf', 'deploy b'],
      ['default.conf', 'new main'],
    ]);
    const staging = join(root, 'candidate');
    await change.stage(staging);
    expect(await tree(staging)).toEqual({
      'default.conf': 'new main',
      'permalinks/a.conf': 'deploy a',
      'permalinks/b.conf': 'deploy b',
    });
    expect(await tree(live)).toEqual({ 'default.conf': 'old main', 'permalinks/a.conf': 'deploy a' });
  });

  it('commits only what changes, and restore puts back exactly what was there (new files removed)', async () => {
    const change = await ConfigChange.plan(live, [
      ['permalinks/a.conf', 'deploy a'],
      ['permalinks/b.conf', 'deploy b'],
      ['default.conf', 'new main'],
    ]);
    expect(change.changes('permalinks/a.conf')).toBe(false);
    expect(change.changes('default.conf')).toBe(true);
    expect(change.previous('default.conf')).toBe('old main');
    expect(change.previous('permalinks/b.conf')).toBeNull();
    await change.commit();
    expect(await tree(live)).toEqual({
      'default.conf': 'new main',
      'permalinks/a.conf': 'deploy a',
      'permalinks/b.conf': 'deploy b',
    });
    await change.restore();
    expect(await tree(live)).toEqual({ 'default.conf': 'old main', 'permalinks/a.conf': 'deploy a' });
  });

  it('is empty when every file already has its content', async () => {
    const change = await ConfigChange.plan(live, [['default.conf', 'old main']]);
    expect(change.empty).toBe(true);
  });

  it('stages a first config when there is no live folder yet', async () => {
    const change = await ConfigChange.plan(join(root, 'none'), [['default.conf', 'first']]);
    const staging = join(root, 'candidate');
    await change.stage(staging);
    expect(await tree(staging)).toEqual({ 'default.conf': 'first' });
  });
});
