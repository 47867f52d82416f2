const MiB = 1024 * 1024;

/** Sizes in messages users read: exact below a MiB ("1200 bytes"), else "4.9 MiB". */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`;
}
