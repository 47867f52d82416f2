/**
 * How much disk a folder holds, and a watchdog that says when it holds too much. Used to bound what a
 * clone and a build may write: neither git nor this engine's storage driver can cap a folder's size.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Bytes allocated on disk below `dir` (blocks, not apparent size: a sparse file costs what it occupies;
 * a hard-linked file counts once). Symlinks are not followed. Stops walking as soon as the total passes
 * `stopAbove`. Entries that vanish while it walks (git renames temp files) are skipped; a missing `dir`
 * is 0.
 */
export async function diskUsage(dir: string, stopAbove = Number.POSITIVE_INFINITY): Promise<number> {
  const seen = new Set<number>();
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= stopAbove) {
    const current = pending.pop()!;
    const st = await lstat(current).catch(() => null);
    if (!st) continue;
    if (st.nlink > 1) {
      if (seen.has(st.ino)) continue;
      seen.add(st.ino);
    }
    total += st.blocks * 512;
    if (!st.isDirectory()) continue;
    const names = await readdir(current).catch(() => [] as string[]);
    for (const name of names) pending.push(join(current, name));
  }
  return total;
}

export interface DiskWatch {
  /** Stops watching; resolves once no measurement is running. */
  stop(): Promise<void>;
}

/**
 * Measures `measure()` every `intervalMs` (or less often when one measurement is slow, so a huge tree
 * does not keep a core busy) and calls `onExceeded(bytes)` once when it passes `limitBytes`.
 */
export function watchDiskUsage(
  measure: (stopAbove: number) => Promise<number>,
  limitBytes: number,
  onExceeded: (bytes: number) => void,
  intervalMs = 500,
): DiskWatch {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      const started = Date.now();
      const bytes = await measure(limitBytes).catch(() => 0);
      if (stopped) return;
      if (bytes > limitBytes) {
        stopped = true;
        onExceeded(bytes);
        return;
      }
      timer = setTimeout(tick, Math.max(intervalMs, 4 * (Date.now() - started)));
    })();
  };
  // The first measurement after one interval: a build or clone that has just started holds nothing yet,
  // and an engine busy starting a container answers a size query slowly.
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
