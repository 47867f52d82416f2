import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * One change to a site's nginx config folder, all or nothing. `stage` writes the folder as it would be
 * (the live files plus the change) somewhere else so it can be tested; `commit` writes the changed files over
 * the live ones, each by rename (the running nginx, which reads the folder at start and reload, never sees a
 * half-written file); `restore` puts back exactly what was there before. So the live folder only ever holds
 * a config that was tested, or the one it held before.
 */
export class ConfigChange {
  private constructor(
    private readonly dir: string,
    /** Path in the folder → new content, for the files whose content changes; in the order to write them. */
    private readonly writes: [string, string][],
    /** Path → content before the change (null: there was no file). */
    private readonly before: Map<string, string | null>,
  ) {}

  /** `files`: path in the folder → wanted content, in the order they must land (included files first). */
  static async plan(dir: string, files: [string, string][]): Promise<ConfigChange> {
    const before = new Map<string, string | null>();
    const writes: [string, string][] = [];
    for (const [path, content] of files) {
      const old = await readFile(join(dir, path), 'utf8').catch(() => null);
      before.set(path, old);
      if (old !== content) writes.push([path, content]);
    }
    return new ConfigChange(dir, writes, before);
  }

  get empty(): boolean {
    return this.writes.length === 0;
  }

  /** The content `path` had before the change (null when it did not exist). */
  previous(path: string): string | null {
    return this.before.get(path) ?? null;
  }

  changes(path: string): boolean {
    return this.writes.some(([p]) => p === path);
  }

  /** Writes the folder as it will be into `to` (replacing whatever is there). */
  async stage(to: string): Promise<void> {
    await rm(to, { recursive: true, force: true });
    await mkdir(to, { recursive: true, mode: 0o755 });
    await cp(this.dir, to, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    for (const [path, content] of this.writes) await put(join(to, path), content);
  }

  async commit(): Promise<void> {
    for (const [path, content] of this.writes) await put(join(this.dir, path), content);
  }

  /** Undoes `commit` (also when it stopped half-way). */
  async restore(): Promise<void> {
    for (const [path] of [...this.writes].reverse()) {
      const old = this.before.get(path) ?? null;
      if (old === null) await rm(join(this.dir, path), { force: true });
      else await put(join(this.dir, path), old);
    }
  }
}

/** Writes a file by rename; the temporary name does not end in `.conf`, so no nginx include can pick it up. */
async function put(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o755 });
  const tmp = join(dirname(file), `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(tmp, content, { mode: 0o644 });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
