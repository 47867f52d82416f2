import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentStore } from './content-store.js';
import { hashFile } from './content-store.js';

export interface Ingested {
  files: number;
  /** Files whose bytes the store did not hold yet. */
  newBlobs: number;
  newBytes: number;
}

/** Hashing is I/O bound: a few files at once keep the disk busy without flooding libuv's pool. */
const CONCURRENCY = 8;

/**
 * Turns every regular file below `dir` into a link to its blob (publish stage, before the folder is
 * placed): an unchanged file is only re-linked, a new one stored. `dir` must hold only folders and regular
 * files (sanitizeTree ran), and nothing else may write to it meanwhile.
 */
export async function ingestTree(store: ContentStore, dir: string): Promise<Ingested> {
  const files = (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const result: Ingested = { files: files.length, newBlobs: 0, newBytes: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const path = files[next++]!;
      const { sha256, size } = await hashFile(path);
      if (await store.adopt(path, sha256)) {
        result.newBlobs++;
        result.newBytes += size;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return result;
}
