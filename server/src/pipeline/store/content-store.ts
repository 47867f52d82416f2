import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type ReadersWriterLock, RwLock } from './rw-lock.js';

/** A blob's name: the lowercase hex SHA-256 of its bytes. */
export const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs are shared by every deploy that links them: nobody may write one, only read it. */
const BLOB_MODE = 0o444;
/** Re-hashed at start: blobs written this shortly before the last check too (clock steps, same second). */
const CHECK_MARGIN_MS = 5_000;

export interface Collected {
  blobs: number;
  bytes: number;
}

export interface Checked {
  /** Temp files of writes a stop interrupted. */
  temps: number;
  /** Blobs whose bytes did not match their name (removed from the store; see `check`). */
  damaged: string[];
}

/**
 * The content-addressed file store `files/<sha256>` (design.md, "Deploy workflow"). A deploy folder is made
 * of hard links to blobs, so a file that did not change costs no bytes and no write, and a blob is
 * unreferenced exactly when its link count is 1 (only the store's own name is left).
 *
 * Every blob is written to a temp name, fsynced, made read-only and then linked under its final name, so a
 * name never points at bytes that are not on disk. `link()` fails when the name exists, so two deploys
 * storing the same new file at once end up sharing one blob. Linking runs under a shared lock and
 * collection under an exclusive one: a blob is never collected between a deploy finding it and linking it.
 */
export class ContentStore {
  constructor(
    readonly root: string,
    /** Several control planes on one data dir pass one held in the database too (issue 16). */
    private readonly lock: ReadersWriterLock = new RwLock(),
  ) {}

  blob(sha: string): string {
    return join(this.root, sha);
  }

  /** A fresh temp path inside the store (same file system, so committing it is a link, not a copy). */
  tempPath(): string {
    return join(this.root, '.tmp', randomBytes(12).toString('hex'));
  }

  async prepare(): Promise<void> {
    await mkdir(join(this.root, '.tmp'), { recursive: true, mode: 0o700 });
  }

  /** Whether the store holds `sha` now (a hint only: linking is what decides, under the lock). */
  async has(sha: string): Promise<boolean> {
    return (await lstat(this.blob(sha)).catch(() => null))?.isFile() ?? false;
  }

  /**
   * Links blob `sha` at every target (none may exist yet). False, with nothing linked, when the store does
   * not hold it.
   */
  async linkTo(sha: string, targets: readonly string[]): Promise<boolean> {
    return this.lock.shared(async () => {
      const blob = this.blob(sha);
      for (const [i, target] of targets.entries()) {
        try {
          await link(blob, target);
        } catch (err) {
          if (i === 0 && (err as NodeJS.ErrnoException).code === 'ENOENT') return false;
          throw err;
        }
      }
      return true;
    });
  }

  /**
   * Links every blob the store holds at its targets, in one hold of the lock, and returns the digests it
   * does not hold (nothing linked for those). A blob whose size is not the one claimed refuses the claim.
   */
  async linkMany(
    wanted: readonly { sha: string; size: number; targets: readonly string[] }[],
    wrongSize: (sha: string) => Error,
  ): Promise<string[]> {
    return this.lock.shared(async () => {
      const missing: string[] = [];
      for (const { sha, size, targets } of wanted) {
        const st = await lstat(this.blob(sha)).catch(() => null);
        if (!st) {
          missing.push(sha);
          continue;
        }
        if (st.size !== size) throw wrongSize(sha);
        for (const target of targets) await link(this.blob(sha), target);
      }
      return missing;
    });
  }

  /**
   * Stores a complete temp file (from `tempPath()`, whose digest the caller has checked) as blob `sha` and
   * links it at `targets`. The temp name is gone afterwards, stored or not. True when the blob is new.
   */
  async commit(temp: string, sha: string, targets: readonly string[] = []): Promise<boolean> {
    try {
      await syncFile(temp);
      await chmod(temp, BLOB_MODE);
      return await this.lock.shared(async () => {
        const created = await linkNew(temp, this.blob(sha));
        for (const target of targets) await link(this.blob(sha), target);
        return created;
      });
    } finally {
      await rm(temp, { force: true });
    }
  }

  /**
   * Puts the file at `path`, whose digest is `sha`, into the store and leaves a link to the blob in its
   * place. A file already stored is only replaced by a link (no write). A new file becomes the blob itself
   * when this process created it and nothing else links it; a file someone else owns (a build's output) is
   * copied, so no blob is an inode another user could chmod back to writable. True when the blob is new.
   */
  async adopt(path: string, sha: string): Promise<boolean> {
    return this.lock.shared(async () => {
      if (await this.replaceWithLink(path, sha)) return false;
      const st = await lstat(path);
      if (st.uid === process.getuid?.() && st.nlink === 1) {
        await syncFile(path);
        await chmod(path, BLOB_MODE);
        if (await linkNew(path, this.blob(sha))) return true;
      } else {
        const temp = this.tempPath();
        await copyFile(path, temp);
        await syncFile(temp);
        await chmod(temp, BLOB_MODE);
        const created = await linkNew(temp, this.blob(sha)).finally(() => rm(temp, { force: true }));
        if (created && (await this.replaceWithLink(path, sha))) return true;
      }
      // Another deploy stored the same bytes meanwhile: use its blob.
      if (!(await this.replaceWithLink(path, sha))) throw new Error(`blob ${sha} vanished while linking`);
      return false;
    });
  }

  /**
   * Removes every blob no deploy links any more (link count 1). Holds the exclusive lock: no deploy links a
   * blob while its count is read and it is removed.
   */
  async collect(): Promise<Collected> {
    return this.lock.exclusive(async () => {
      const removed: Collected = { blobs: 0, bytes: 0 };
      for (const name of await readdir(this.root)) {
        if (!SHA256.test(name)) continue;
        const st = await lstat(this.blob(name)).catch(() => null);
        if (!st || st.nlink > 1) continue;
        await unlink(this.blob(name));
        removed.blobs++;
        removed.bytes += st.size;
      }
      return removed;
    });
  }

  /**
   * The start-up check: temp files of interrupted writes go, and every blob written since the last check
   * is hashed again. A blob whose bytes do not match its name (a write the file system lost) leaves the
   * store, so no later deploy links it: the next upload or deploy of that file stores it again. Also puts
   * back the read-only mode of any blob that lost it.
   */
  async check(): Promise<Checked> {
    return this.lock.exclusive(async () => {
      const tmp = join(this.root, '.tmp');
      const temps = (await readdir(tmp).catch(() => [] as string[])).length;
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp, { recursive: true, mode: 0o700 });
      const marker = join(this.root, '.checked');
      const since = ((await lstat(marker).catch(() => null))?.mtimeMs ?? 0) - CHECK_MARGIN_MS;
      const damaged: string[] = [];
      for (const name of await readdir(this.root)) {
        if (!SHA256.test(name)) continue;
        const path = this.blob(name);
        const st = await lstat(path).catch(() => null);
        if (!st) continue;
        if (!st.isFile()) {
          await rm(path, { recursive: true, force: true });
          damaged.push(name);
          continue;
        }
        if ((st.mode & 0o777) !== BLOB_MODE) await chmod(path, BLOB_MODE);
        if (st.mtimeMs < since) continue;
        if ((await hashFile(path)).sha256 !== name) {
          await unlink(path);
          damaged.push(name);
        }
      }
      await writeFile(marker, `${new Date().toISOString()}\n`);
      return { temps, damaged };
    });
  }

  /** Blobs and their bytes (tests, benchmarks and the report of a deploy). */
  async usage(): Promise<Collected> {
    const total: Collected = { blobs: 0, bytes: 0 };
    for (const name of await readdir(this.root)) {
      if (!SHA256.test(name)) continue;
      const st = await lstat(this.blob(name)).catch(() => null);
      if (!st) continue;
      total.blobs++;
      total.bytes += st.size;
    }
    return total;
  }

  /** Replaces `path` with a link to blob `sha` (a same-directory temp name renamed over it); false when absent. */
  private async replaceWithLink(path: string, sha: string): Promise<boolean> {
    const temp = join(dirname(path), `.${basename(path).slice(0, 32)}.lp-${randomBytes(6).toString('hex')}`);
    try {
      await link(this.blob(sha), temp);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    try {
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return true;
  }
}

/** SHA-256 and byte count of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(createReadStream(path), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
    }
  });
  return { sha256: hash.digest('hex'), size };
}

/** Links `from` as the new name `to`; false when `to` exists already (another writer stored it first). */
async function linkNew(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
