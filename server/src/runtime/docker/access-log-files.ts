import type { BigIntStats } from 'node:fs';
import { link, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { ACCESS_LOG_FILE, type AccessRecord, parseAccessLine } from '../access-log.js';
import type { AccessLogFile, AccessLogSource } from '../ports.js';
import type { SiteContainers } from '../site-containers.js';

const ROTATED = `${ACCESS_LOG_FILE}.1`;
const SITE_ID = /^[0-9a-f]{24}$/;

/**
 * The single-host driver's access logs: `<root>/<siteId>/access.log`, written by the site container's
 * nginx (mounted at /var/log/launchpad). Rotation moves it to `access.log.1` (the inode, and so the
 * reader's offset, stays) and sends nginx USR1, on which it reopens `access.log`, a new file. Nothing is
 * kept open between reads: one file descriptor at a time, however many sites there are.
 */
export class AccessLogFiles implements AccessLogSource {
  constructor(
    private readonly root: string,
    private readonly docker: Docker,
    private readonly containers: SiteContainers,
  ) {}

  async files(): Promise<AccessLogFile[]> {
    const sites = await readdir(this.root).catch(() => [] as string[]);
    const out: AccessLogFile[] = [];
    for (const siteId of sites) {
      if (!SITE_ID.test(siteId)) continue;
      for (const name of [ROTATED, ACCESS_LOG_FILE]) {
        const info = await stat(join(this.root, siteId, name), { bigint: true }).catch(() => null);
        if (!info?.isFile()) continue;
        out.push({
          siteId,
          key: identity(info),
          size: Number(info.size),
          rotated: name === ROTATED,
          modifiedAt: new Date(Number(info.mtimeMs)),
        });
      }
    }
    return out;
  }

  async read(file: AccessLogFile, offset: number, maxBytes: number) {
    const handle = await this.openSame(file);
    if (!handle) return { records: [], end: offset, skipped: 0 };
    try {
      const size = (await handle.stat()).size;
      const length = Math.max(0, Math.min(maxBytes, size - offset));
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      const last = buffer.lastIndexOf(0x0a, bytesRead - 1);
      if (last < 0) {
        // A line longer than a whole read is no line of ours: skip it rather than stall on it forever.
        return bytesRead === maxBytes
          ? { records: [], end: offset + bytesRead, skipped: 1 }
          : { records: [], end: offset, skipped: 0 };
      }
      const records: AccessRecord[] = [];
      let skipped = 0;
      for (const line of buffer.toString('utf8', 0, last).split('\n')) {
        if (line === '') continue;
        const record = parseAccessLine(line);
        if (record) records.push(record);
        else skipped++;
      }
      return { records, end: offset + last + 1, skipped };
    } finally {
      await handle.close();
    }
  }

  /**
   * Rotates `file` if it is still the current log and no rotated one is left. With several control planes
   * an old and a new leader can both decide to rotate (issue 16): a rename would then put the new,
   * reopened log over a rotated file still being read. A link fails when the name exists, so exactly one
   * rotation happens; the other finds nothing to do.
   */
  async rotate(file: AccessLogFile): Promise<void> {
    const dir = join(this.root, file.siteId);
    const current = join(dir, ACCESS_LOG_FILE);
    if ((await keyOf(current)) !== file.key) return; // rotated already (and reopened since)
    try {
      await link(current, join(dir, ROTATED));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOENT') return;
      throw err;
    }
    if ((await keyOf(current)) === file.key) await unlink(current);
    const container = (await this.containers.list()).find((c) => c.siteId === file.siteId && c.running);
    // A stopped server reopens its log when it starts; until then nothing is written anywhere.
    if (container)
      await this.docker
        .getContainer(container.id)
        .kill({ signal: 'USR1' })
        .catch(() => {});
  }

  async remove(file: AccessLogFile): Promise<void> {
    const handle = await this.openSame(file);
    if (!handle) return;
    await handle.close();
    await rm(join(this.root, file.siteId, ROTATED), { force: true });
  }

  async removeSite(siteId: string): Promise<void> {
    if (!SITE_ID.test(siteId)) return;
    await rm(join(this.root, siteId), { recursive: true, force: true });
  }

  /** The file at its current name, if it is still the same file (a rotation may have renamed it since). */
  private async openSame(file: AccessLogFile) {
    const path = join(this.root, file.siteId, file.rotated ? ROTATED : ACCESS_LOG_FILE);
    const handle = await open(path, 'r').catch(() => null);
    if (!handle) return null;
    const info = await handle.stat({ bigint: true });
    if (identity(info) === file.key) return handle;
    await handle.close();
    return null;
  }
}

/** A file's identity (device and inode, which a rename keeps): an AccessLogFile's key. */
function identity(info: BigIntStats): string {
  return `${info.dev}:${info.ino}`;
}

/** The identity of the file at `path`, or null when there is none. */
async function keyOf(path: string): Promise<string | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info?.isFile() ? identity(info) : null;
}
