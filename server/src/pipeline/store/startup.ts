import type { DataDir } from '../data-dir.js';

/**
 * At start, after the folders of deploys that never went live are gone: the store drops what interrupted
 * writes left (temp files, blobs whose bytes do not match their name) and every blob no deploy links.
 */
export async function checkStore(data: DataDir): Promise<void> {
  const { temps, damaged } = await data.store.check();
  if (temps > 0) console.warn(`content store: removed ${temps} half-written file(s) of an interrupted write`);
  for (const sha of damaged) {
    console.warn(
      `content store: blob ${sha} did not match its digest and was removed; deploy its file again`,
    );
  }
  await data.store.collect();
}
