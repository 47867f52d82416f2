import { createHash } from 'node:crypto';
import { constants, type Dirent } from 'node:fs';
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './errors.js';

/** One file to deploy: its site path ('/'-separated, relative), where it is, its size and SHA-256. */
export interface LocalFile {
  path: string;
  abs: string;
  size: number;
  sha256: string;
}

export type SkipReason = 'ignored' | 'symlink' | 'not a regular file';

export interface FolderScan {
  root: string;
  files: LocalFile[];
  skipped: { path: string; reason: SkipReason }[];
  bytes: number;
}

/**
 * What a deploy leaves out, as Netlify CLI does for a publish folder: every dotfile and dot-folder except
 * `.well-known` (so `.git`, `.env`, `.DS_Store` never go live), macOS's `__MACOSX`, and `node_modules` when
 * the folder is a project root (it has a package.json), not a build's output. Pure.
 */
export function isIgnored(name: string, projectRoot: boolean): boolean {
  if (name.startsWith('.') && name !== '.well-known') return true;
  if (name.startsWith('__MACOSX')) return true;
  return projectRoot && name === 'node_modules';
}

/**
 * A name the server would refuse anyway (server/src/source/entry-path.ts), refused here before anything
 * is hashed or sent, with the file's path: a backslash would be read as a separator, a control character
 * could forge a log line. Pure.
 */
export function badName(name: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has a control character in its name';
  if (name.includes('\\')) return "has a backslash in its name (site paths are '/'-separated)";
  if (Buffer.byteLength(name) > 255) return 'has a name longer than 255 bytes';
  return null;
}

/** Opens a file for reading without following a symlink, and checks it still is a regular file. */
export async function openRegular(abs: string): Promise<FileHandle> {
  const handle = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new CliError('BAD_USER_INPUT', `${abs} is no longer a regular file`);
  }
  return handle;
}

/**
 * Lists and hashes the files of `dir`. Symlinks are never followed, whether they point inside or outside
 * the folder (a link to ../../.ssh must not publish a key), and neither are sockets, FIFOs or devices:
 * each is reported as skipped. Files are opened with O_NOFOLLOW, so one swapped for a link after the
 * listing is refused rather than read through.
 */
export async function scanFolder(
  dir: string,
  onFile: (file: LocalFile) => void = () => {},
): Promise<FolderScan> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CliError('BAD_USER_INPUT', `${dir} is not a folder`);
  }
  const projectRoot = (await readdir(root)).includes('package.json');
  const scan: FolderScan = { root, files: [], skipped: [], bytes: 0 };
  const pending: { abs: string; path: string }[] = [];

  const walk = async (absDir: string, prefix: string) => {
    const entries: Dirent[] = await readdir(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const abs = join(absDir, entry.name);
      if (isIgnored(entry.name, projectRoot)) scan.skipped.push({ path, reason: 'ignored' });
      else if (entry.isSymbolicLink()) scan.skipped.push({ path, reason: 'symlink' });
      else if (entry.isDirectory()) {
        const bad = badName(entry.name);
        if (bad) throw new CliError('BAD_USER_INPUT', `the folder ${JSON.stringify(path)} ${bad}`);
        await walk(abs, path);
      } else if (entry.isFile()) {
        const bad = badName(entry.name);
        if (bad) throw new CliError('BAD_USER_INPUT', `the file ${JSON.stringify(path)} ${bad}`);
        pending.push({ abs, path });
      } else scan.skipped.push({ path, reason: 'not a regular file' });
    }
  };
  await walk(root, '');
  if (pending.length === 0) throw new CliError('BAD_USER_INPUT', `${dir} has no files to deploy`);

  // A few files at once: hashing is I/O bound on small files, CPU bound on large ones.
  let next = 0;
  const results: LocalFile[] = new Array(pending.length);
  const worker = async () => {
    while (next < pending.length) {
      const i = next++;
      const { abs, path } = pending[i]!;
      const file = { path, abs, ...(await hashFile(abs)) };
      results[i] = file;
      onFile(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, pending.length) }, worker));
  scan.files = results;
  scan.bytes = results.reduce((n, f) => n + f.size, 0);
  return scan;
}

async function hashFile(abs: string): Promise<{ size: number; sha256: string }> {
  let handle: FileHandle;
  try {
    handle = await openRegular(abs);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError('BAD_USER_INPUT', `cannot read ${abs}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  try {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
