/** How much one uploadDeployFiles request carries (the server takes up to 1,000 parts per request). */
export interface BatchLimits {
  maxFiles: number;
  maxBytes: number;
}

export const BATCH_LIMITS: BatchLimits = { maxFiles: 500, maxBytes: 8 * 1024 * 1024 };

/**
 * Splits the files to upload into requests of at most `maxFiles` parts and about `maxBytes`: a batch
 * closes before a file that would take it past the bytes, and a file larger than `maxBytes` goes alone
 * (the server's per-file limit still applies to it). Order is kept. Pure.
 */
export function planBatches<T extends { size: number }>(files: readonly T[], limits = BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length >= limits.maxFiles || bytes + file.size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) batches.push(current);
  return batches;
}
