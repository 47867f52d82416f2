import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentStore, hashFile } from '../src/pipeline/store/content-store.js';
import { ingestTree } from '../src/pipeline/store/ingest.js';
import { RwLock } from '../src/pipeline/store/rw-lock.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let dir: string;
let store: ContentStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'content-store-'));
  store = new ContentStore(join(dir, 'files'));
  await store.prepare();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function temp(content: string): Promise<string> {
  const path = store.tempPath();
  await writeFile(path, content);
  return path;
}

describe('RwLock', () => {
  it('runs shared holders together and an exclusive one alone, in arrival order', async () => {
    const lock = new RwLock();
    const events: string[] = [];
    const hold = (name: string, ms: number) => async () => {
      events.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name}-`);
    };
    await Promise.all([
      lock.shared(hold('a', 20)),
      lock.shared(hold('b', 5)),
      lock.exclusive(hold('X', 5)),
      // Arrives after the exclusive one: waits for it (no starvation of X by a stream of readers).
      lock.shared(hold('c', 5)),
    ]);
    expect(events).toEqual(['a+', 'b+', 'b-', 'a-', 'X+', 'X-', 'c+', 'c-']);
  });

  it('releases the lock when the holder throws', async () => {
    const lock = new RwLock();
    await expect(lock.exclusive(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.shared(async () => 1)).resolves.toBe(1);
  });
});

describe('ContentStore', () => {
  it('commits a blob read-only under its digest, and the same bytes again cost no second blob', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(await store.commit(await temp('hello'), sha('hello'), [a])).toBe(true);
    expect(await store.commit(await temp('hello'), sha('hello'), [b])).toBe(false);
    const blob = await stat(store.blob(sha('hello')));
    expect(blob.mode & 0o777).toBe(0o444);
    expect(blob.nlink).toBe(3); // the store's name and two deploy files
    expect((await stat(a)).ino).toBe(blob.ino);
    expect(await readFile(b, 'utf8')).toBe('hello');
    expect(await readdir(join(dir, 'files', '.tmp'))).toEqual([]);
    expect(await store.usage()).toEqual({ blobs: 1, bytes: 5 });
  });

  it('links a blob it holds and says so when it does not', async () => {
    await store.commit(await temp('x'), sha('x'));
    expect(await store.linkTo(sha('x'), [join(dir, 'one'), join(dir, 'two')])).toBe(true);
    expect(await store.linkTo(sha('missing'), [join(dir, 'three')])).toBe(false);
    expect(await readdir(dir)).not.toContain('three');
  });

  it('adopts a new file as the blob itself and replaces a known one by a link', async () => {
    const first = join(dir, 'first.txt');
    const second = join(dir, 'second.txt');
    await writeFile(first, 'same bytes');
    await writeFile(second, 'same bytes');
    const before = (await stat(first)).ino;
    expect(await store.adopt(first, sha('same bytes'))).toBe(true);
    expect((await stat(store.blob(sha('same bytes')))).ino).toBe(before); // no copy
    expect(await store.adopt(second, sha('same bytes'))).toBe(false);
    expect((await stat(second)).ino).toBe(before);
    expect((await stat(second)).mode & 0o777).toBe(0o444);
    expect((await readdir(dir)).sort()).toEqual(['files', 'first.txt', 'second.txt']);
  });

  it('collects exactly the blobs nothing links any more', async () => {
    const kept = join(dir, 'kept');
    const dropped = join(dir, 'dropped');
    await store.commit(await temp('kept'), sha('kept'), [kept]);
    await store.commit(await temp('dropped'), sha('dropped'), [dropped]);
    await rm(dropped);
    expect(await store.collect()).toEqual({ blobs: 1, bytes: 7 });
    expect(await store.has(sha('kept'))).toBe(true);
    expect(await store.has(sha('dropped'))).toBe(false);
    expect(await readFile(kept, 'utf8')).toBe('kept');
  });

  it('never collects a blob a deploy is linking at that moment (collection racing deploys)', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `file ${i}`);
    for (const name of names) await store.commit(await temp(name), sha(name)); // all unreferenced now
    await mkdir(join(dir, 'deploy'));
    // Deploys link every blob while collections run: each link either happens before a collection (the
    // blob then has 2 links and stays) or finds the blob gone and reports it; never a link to nothing.
    const linked = await Promise.all([
      ...names.map((name, i) => store.linkTo(sha(name), [join(dir, 'deploy', String(i))])),
      store.collect(),
      store.collect(),
    ]);
    for (const [i, name] of names.entries()) {
      if (linked[i] === true) {
        expect(await readFile(join(dir, 'deploy', String(i)), 'utf8')).toBe(name);
        expect(await store.has(sha(name))).toBe(true);
      }
    }
    // Whatever was linked survives a later collection too.
    await store.collect();
    const usage = await store.usage();
    expect(usage.blobs).toBe(linked.slice(0, names.length).filter((l) => l === true).length);
  });

  it('start-up check: removes half-written temp files and a blob whose bytes do not match its name', async () => {
    await writeFile(store.tempPath(), 'half a fi');
    await store.commit(await temp('good'), sha('good'), [join(dir, 'good')]);
    // A blob the file system lost the end of: the name promises 'complete', the bytes say otherwise.
    await writeFile(store.blob(sha('complete')), 'compl');
    await chmod(store.blob(sha('good')), 0o644);
    const result = await store.check();
    expect(result).toEqual({ temps: 1, damaged: [sha('complete')] });
    expect(await store.has(sha('complete'))).toBe(false);
    expect((await stat(store.blob(sha('good')))).mode & 0o777).toBe(0o444);
    expect(await readdir(join(dir, 'files', '.tmp'))).toEqual([]);
  });

  it('hashes a file as sha256sum does', async () => {
    await writeFile(join(dir, 'h'), 'abc');
    expect(await hashFile(join(dir, 'h'))).toEqual({ sha256: sha('abc'), size: 3 });
  });
});

describe('ingestTree', () => {
  async function tree(root: string, files: Record<string, string>) {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), content);
    }
  }

  it('stores a redeploy with one changed file as one new blob, every file a link', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`d${i % 4}/f${i}.txt`, `v1 ${i}`]),
    );
    await tree(join(dir, 'one'), files);
    expect(await ingestTree(store, join(dir, 'one'))).toEqual({ files: 40, newBlobs: 40, newBytes: 190 });
    await tree(join(dir, 'two'), { ...files, 'd1/f5.txt': 'changed!' });
    expect(await ingestTree(store, join(dir, 'two'))).toEqual({ files: 40, newBlobs: 1, newBytes: 8 });
    expect((await stat(join(dir, 'two', 'd0/f0.txt'))).ino).toBe(
      (await stat(join(dir, 'one', 'd0/f0.txt'))).ino,
    );
    expect(await readFile(join(dir, 'one', 'd1/f5.txt'), 'utf8')).toBe('v1 5');
    expect(await readFile(join(dir, 'two', 'd1/f5.txt'), 'utf8')).toBe('changed!');
    expect((await store.usage()).blobs).toBe(41);
  });
});
