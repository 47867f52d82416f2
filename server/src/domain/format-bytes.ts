const MiB = 1024 * 1024;

/** Sizes in messages users read: exact below a MiB ("1200 bytes"), else "4.9 MiB". */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** A limit set in whole MB (LAUNCHPAD_*_MB) as the operator wrote it: "500 MB". */
export function formatLimitMB(bytes: number): string {
  const mb = bytes / MiB;
  return Number.isInteger(mb) ? `${mb} MB` : formatBytes(bytes);
}
