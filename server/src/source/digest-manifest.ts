import { BadInputError } from '../domain/errors.js';
import { formatBytes } from '../domain/format-bytes.js';
import { checkRelativePath, checkUniquePaths, type PathEntry, quote } from './entry-path.js';

/** One file of a digest deploy as the client describes it (api.md, DeployFileInput). */
export interface DeployFileInput {
  path: string;
  sha256: string;
  size: number;
}

export interface DigestLimits {
  /** LAUNCHPAD_MAX_FILES, as for an archive. */
  maxFiles: number;
  /** LAUNCHPAD_MAX_SITE_MB: the sum of the sizes, as for an archive's uncompressed size. */
  maxUncompressedBytes: number;
}

/** A checked manifest: each path once, and for each digest its size and every path it is published at. */
export interface DigestManifest {
  files: DeployFileInput[];
  blobs: Map<string, { size: number; paths: string[] }>;
  bytes: number;
}

const reject = (message: string) => new BadInputError(message, 'files');
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks a digest deploy's file list the way an archive's directory is checked (source/entry-path.ts): plain
 * relative paths, none twice, none both a file and a folder, the site's file and size limits. Pure; the
 * first bad entry refuses the whole list.
 */
export function checkDigestFiles(files: readonly DeployFileInput[], limits: DigestLimits): DigestManifest {
  if (files.length === 0) throw reject('a deploy needs at least one file');
  if (files.length > limits.maxFiles) {
    throw reject(`the deploy has ${files.length} files; the limit is ${limits.maxFiles}`);
  }
  const entries: PathEntry[] = [];
  const blobs = new Map<string, { size: number; paths: string[] }>();
  let bytes = 0;
  const checked: DeployFileInput[] = [];
  for (const file of files) {
    const entry = checkRelativePath(file.path, reject);
    if (entry.dir) throw reject(`${quote(file.path)} names a folder; list only files`);
    const sha256 = file.sha256.toLowerCase();
    if (!SHA256.test(sha256)) {
      throw reject(`the sha256 of ${quote(file.path)} is not 64 hexadecimal characters`);
    }
    if (!Number.isSafeInteger(file.size) || file.size < 0) {
      throw reject(`the size of ${quote(file.path)} is not a whole number of bytes`);
    }
    const known = blobs.get(sha256);
    if (known && known.size !== file.size) {
      throw reject(`${quote(file.path)} has the digest of a file of another size; one of them is wrong`);
    }
    if (known) known.paths.push(entry.segments.join('/'));
    else blobs.set(sha256, { size: file.size, paths: [entry.segments.join('/')] });
    bytes += file.size;
    entries.push(entry);
    checked.push({ path: entry.segments.join('/'), sha256, size: file.size });
  }
  if (bytes > limits.maxUncompressedBytes) {
    throw reject(
      `the files add up to ${formatBytes(bytes)}; the limit is ${formatBytes(limits.maxUncompressedBytes)}`,
    );
  }
  checkUniquePaths(entries, reject);
  return { files: checked, blobs, bytes };
}
