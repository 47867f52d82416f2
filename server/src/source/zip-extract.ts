/**
 * Safe extraction of a user-uploaded zip of a static site.
 *
 * Two phases: read the central directory and validate every entry while nothing is written yet, then
 * stream the entries to disk, trusting none of the sizes the archive declared. Any bad entry rejects the
 * whole archive, and whatever was already written is removed again.
 */
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { type CentralDirectory, Open, type File as ZipEntry } from 'unzipper';
import { BadInputError } from '../domain/errors.js';
import { formatBytes } from '../domain/format-bytes.js';
import { checkRelativePath, checkUniquePaths, quote } from './entry-path.js';

export interface ZipLimits {
  /** Size of the upload itself. */
  maxArchiveBytes: number;
  /** Sum of the extracted files' sizes, declared and real. */
  maxUncompressedBytes: number;
  /** Entries in the archive's directory (files, folders and macOS junk alike), checked before parsing it. */
  maxFiles: number;
  /** Uncompressed / compressed, per entry and for the whole archive; files under 1 MiB are exempt. */
  maxRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 100 * MiB,
  maxUncompressedBytes: 500 * MiB,
  maxFiles: 20_000,
  maxRatio: 200,
};

export interface ExtractedArchive {
  files: number;
  bytes: number;
  /** The single top-level folder whose content was extracted in its place (users zip their `dist/`). */
  unwrapped: string | null;
}

/** Below this many bytes a high compression ratio is harmless (a small file of repeated bytes), not a bomb. */
const RATIO_GRACE_BYTES = 1 * MiB;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_RECORD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Where unzipper looks for the end record; we must read the very bytes it will trust. */
const END_RECORD_TAIL = 80;
const LOCAL_HEADER_FIXED_BYTES = 30;

interface PlannedEntry {
  entry: ZipEntry;
  name: string;
  /** Path segments below destDir, after unwrapping. */
  segments: string[];
  dir: boolean;
}

interface Plan {
  entries: PlannedEntry[];
  unwrapped: string | null;
}

function reject(message: string): BadInputError {
  return new BadInputError(message, 'file');
}

const notAZip = () => reject('not a zip archive');

/**
 * Extracts archivePath (a file on disk) into destDir (must exist and be empty). Rejects the WHOLE archive
 * with BadInputError(message, 'file') on the first bad entry; on rejection removes everything it wrote
 * inside destDir (destDir itself stays, caller owns it).
 */
export async function extractZip(
  archivePath: string,
  destDir: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ExtractedArchive> {
  const root = await realpath(destDir);
  if ((await readdir(root)).length > 0) throw new Error(`extractZip: ${destDir} is not empty`);

  const source = archiveSource(archivePath);
  try {
    const plan = await planExtraction(source, limits);
    try {
      return await writeEntries(plan, root, limits);
    } catch (error) {
      // destDir was empty when we started, so everything in it is ours to remove.
      await emptyDir(root);
      throw error;
    }
  } finally {
    await source.destroyStreams();
  }
}

export interface ArchiveSummary {
  /** Files (not folders, not macOS junk) the archive declares. */
  files: number;
  /** Their declared uncompressed size; extraction still counts the real bytes. */
  bytes: number;
}

/**
 * Phase one alone: validates the central directory without writing anything, so an upload can be refused
 * with BAD_USER_INPUT before a deploy is queued. extractZip repeats it (the file could change in between).
 */
export async function inspectZip(
  archivePath: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ArchiveSummary> {
  const source = archiveSource(archivePath);
  try {
    const plan = await planExtraction(source, limits);
    const files = plan.entries.filter((e) => !e.dir);
    return { files: files.length, bytes: files.reduce((sum, e) => sum + e.entry.uncompressedSize, 0) };
  } finally {
    await source.destroyStreams();
  }
}

type ArchiveSource = ReturnType<typeof archiveSource>;

/**
 * The archive as unzipper reads it: what Open.file does, plus tracking. unzipper opens a read stream per
 * entry and never closes it when we abort the entry halfway, which would leak a descriptor per rejection.
 */
function archiveSource(archivePath: string) {
  const streams = new Set<Readable>();
  return {
    path: archivePath,
    stream(start: number, length?: number): Readable {
      const stream = createReadStream(archivePath, { start, end: length ? start + length : undefined });
      streams.add(stream);
      stream.once('close', () => streams.delete(stream));
      return stream;
    },
    /** Resolves once every descriptor is closed, so none outlives the call. */
    async destroyStreams() {
      await Promise.all(
        [...streams].map((stream) => {
          const closed = new Promise((resolve) => stream.once('close', resolve));
          stream.destroy();
          return closed;
        }),
      );
    },
  };
}

/** Phase one: everything we can learn from the directory, before a single byte is written. */
async function planExtraction(source: ArchiveSource, limits: ZipLimits): Promise<Plan> {
  const { size } = await stat(source.path);
  if (size > limits.maxArchiveBytes) {
    throw reject(`the archive is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxArchiveBytes)}`);
  }
  const declaredEntries = await readDeclaredEntryCount(source.path, size);
  if (declaredEntries > limits.maxFiles) {
    throw reject(
      `the archive has ${declaredEntries} entries; the limit is ${limits.maxFiles} files and folders`,
    );
  }

  let directory: CentralDirectory;
  try {
    directory = await Open.custom({ size: async () => size, stream: source.stream });
  } catch {
    throw notAZip();
  }

  const kept: PlannedEntry[] = [];
  for (const entry of directory.files) {
    const planned = checkEntry(entry, limits);
    if (!isMacJunk(planned.segments)) kept.push(planned);
  }
  checkNoOverlap(directory.files, directory.offsetToStartOfCentralDirectory);
  checkNoDuplicates(kept);

  const files = kept.filter((e) => !e.dir);
  if (files.length === 0) throw reject('the archive contains no files');
  const declaredBytes = files.reduce((sum, e) => sum + e.entry.uncompressedSize, 0);
  if (declaredBytes > limits.maxUncompressedBytes) {
    throw reject(
      `the archive expands to ${formatBytes(declaredBytes)}; the limit is ${formatBytes(limits.maxUncompressedBytes)}`,
    );
  }
  // Per-entry ratios spare small files, so many small bombs are caught here, against the whole archive.
  if (declaredBytes > RATIO_GRACE_BYTES && declaredBytes > size * limits.maxRatio) {
    throw reject(
      `the archive expands ${Math.round(declaredBytes / size)} times its size; the limit is ${limits.maxRatio} (this looks like a zip bomb)`,
    );
  }
  return unwrap(kept);
}

/**
 * unzipper trusts the end record's entry count and allocates per entry before we see a single one: a
 * forged ZIP64 count in a 100-byte file runs it out of memory. Read the same bytes first and bound it.
 */
async function readDeclaredEntryCount(archivePath: string, size: number): Promise<number> {
  const tail = Buffer.alloc(Math.min(size, END_RECORD_TAIL));
  const handle = await open(archivePath, 'r');
  await handle.read(tail, 0, tail.length, size - tail.length).finally(() => handle.close());
  const at = tail.indexOf(END_RECORD_SIGNATURE);
  if (at === -1 || at + 22 > tail.length) throw notAZip();
  const disk = tail.readUInt16LE(at + 4);
  const entries = tail.readUInt16LE(at + 10);
  const directoryOffset = tail.readUInt32LE(at + 16);
  // ZIP64 is only needed beyond 65,535 entries or 4 GiB, both far past the upload limits.
  if (disk === 0xffff || entries === 0xffff || directoryOffset === 0xffffffff) {
    throw reject('ZIP64 archives are not supported; create a regular zip archive');
  }
  return entries;
}

/** Validates one directory entry on its own: name, type, encryption, compression, sizes. */
function checkEntry(entry: ZipEntry, limits: ZipLimits): PlannedEntry {
  const name = entry.path;
  if (entry.signature !== CENTRAL_HEADER_SIGNATURE) throw notAZip();
  const { segments, dir } = checkName(entry);

  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) {
    throw reject(
      `${quote(name)} is a symbolic link; links are not allowed, put the file itself in the archive`,
    );
  }
  // Type 0 means the zip was made on a system without unix modes (Windows); that is a plain entry.
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
    throw reject(`${quote(name)} is not a regular file or folder`);
  }
  if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || entry.compressionMethod === METHOD_AES) {
    throw reject(`${quote(name)} is encrypted; upload an archive without a password`);
  }
  if (entry.compressionMethod !== METHOD_STORED && entry.compressionMethod !== METHOD_DEFLATE) {
    throw reject(
      `${quote(name)} uses compression method ${entry.compressionMethod}; only "stored" and "deflate" are supported`,
    );
  }
  // ZIP64 sizes come from an extra field; when it is missing unzipper leaves them undefined.
  const sizes = [entry.compressedSize, entry.uncompressedSize, entry.offsetToLocalFileHeader];
  if (!sizes.every(Number.isSafeInteger)) throw reject(`${quote(name)} has a corrupt header`);
  if (dir && entry.uncompressedSize > 0) throw reject(`folder entry ${quote(name)} has content`);

  const size = entry.uncompressedSize;
  if (size > RATIO_GRACE_BYTES && size > entry.compressedSize * limits.maxRatio) {
    const ratio = Math.round(size / Math.max(entry.compressedSize, 1));
    throw reject(
      `${quote(name)} expands ${ratio} times its compressed size; the limit is ${limits.maxRatio} (this looks like a zip bomb)`,
    );
  }
  if (size > limits.maxUncompressedBytes) {
    throw reject(
      `${quote(name)} is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxUncompressedBytes)}`,
    );
  }
  return { entry, name, segments, dir };
}

/** A name must be valid UTF-8 and a plain relative path (source/entry-path.ts). */
function checkName(entry: ZipEntry): { segments: string[]; dir: boolean } {
  const name = entry.path;
  // unzipper decodes every name as UTF-8; invalid bytes would be replaced, so what we wrote would not be
  // what the archive said.
  if (!Buffer.from(name, 'utf8').equals(entry.pathBuffer)) {
    throw reject(`an entry name is not valid UTF-8 (${quote(name)}); re-create the archive with UTF-8 names`);
  }
  return checkRelativePath(name, reject);
}

function isMacJunk(segments: string[]): boolean {
  return segments[0] === '__MACOSX' || segments.at(-1) === '.DS_Store';
}

/**
 * Entries whose data overlap let a few kilobytes be inflated over and over (Fifield's "better zip bomb");
 * no archiver writes them. Each entry needs at least its fixed header, name and data before the next.
 */
function checkNoOverlap(entries: ZipEntry[], directoryOffset: number): void {
  const spans = entries
    .map((e) => ({
      name: e.path,
      start: e.offsetToLocalFileHeader,
      end: e.offsetToLocalFileHeader + LOCAL_HEADER_FIXED_BYTES + e.fileNameLength + e.compressedSize,
    }))
    .sort((a, b) => a.start - b.start);
  spans.forEach((span, i) => {
    const next = spans[i + 1]?.start ?? directoryOffset;
    if (span.end > next) throw reject(`${quote(span.name)} overlaps another entry; the archive is corrupt`);
  });
}

function checkNoDuplicates(entries: PlannedEntry[]): void {
  checkUniquePaths(entries, reject);
}

/** When everything sits in one top-level folder, its content becomes the site root. */
function unwrap(entries: PlannedEntry[]): Plan {
  const top = entries[0]?.segments[0];
  const single = entries.every((e) => e.segments[0] === top && (e.dir || e.segments.length > 1));
  if (!single || top === undefined) return { entries, unwrapped: null };
  return {
    entries: entries
      .map((e) => ({ ...e, segments: e.segments.slice(1) }))
      .filter((e) => e.segments.length > 0),
    unwrapped: top,
  };
}

/** Phase two: stream every entry to disk, counting what is really inflated. */
async function writeEntries(plan: Plan, root: string, limits: ZipLimits): Promise<ExtractedArchive> {
  const made = new Set<string>([root]);
  const total = { files: 0, bytes: 0 };
  for (const planned of plan.entries) {
    const target = path.resolve(root, ...planned.segments);
    // Defence in depth: the names were validated, but the write must not depend on that alone.
    if (!target.startsWith(root + path.sep)) {
      throw reject(`${quote(planned.name)} points outside the archive`);
    }
    try {
      if (planned.dir) {
        await makeDirs(target, made);
        continue;
      }
      await makeDirs(path.dirname(target), made);
      total.bytes += await writeFile(planned, target, limits.maxUncompressedBytes - total.bytes);
      total.files++;
    } catch (error) {
      throw collision(error, planned.name);
    }
  }
  return { ...total, unwrapped: plan.unwrapped };
}

/** Names checked unique can still collide on a case-insensitive file system (a laptop running macOS). */
function collision(error: unknown, name: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EEXIST' && code !== 'ENOTDIR') return error;
  return reject(`${quote(name)} collides with another entry (names that differ only in letter case?)`);
}

/** Creates each missing folder ourselves, so no path we write through can be a link someone else made. */
async function makeDirs(dir: string, made: Set<string>): Promise<void> {
  if (made.has(dir)) return;
  await makeDirs(path.dirname(dir), made);
  await mkdir(dir, { mode: 0o755 });
  // mkdir's mode passes through the umask; the static site container must be able to read the tree.
  await chmod(dir, 0o755);
  made.add(dir);
}

async function writeFile(planned: PlannedEntry, target: string, budget: number): Promise<number> {
  const { entry, name } = planned;
  // 'wx' fails on anything already there, so we never overwrite a file or follow a link.
  const handle = await open(target, 'wx', 0o644);
  const guard = sizeGuard(entry, name, budget);
  try {
    // The open mode passes through the umask; the static site container must be able to read the file.
    await handle.chmod(0o644);
    const input = entry.stream();
    // unzipper emits some errors on the entry by hand, even after pipeline has given up on it and removed
    // its listener; unheard, such a late error would crash the process.
    input.on('error', () => {});
    await pipeline(input, guard.transform, handle.createWriteStream());
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    // A system error (disk full, permissions) is ours to report, not the user's to fix.
    if (error instanceof Error && 'syscall' in error) throw error;
    throw reject(`${quote(name)} could not be decompressed; the archive is corrupt`);
  } finally {
    // The write stream closes the handle itself; closing again is a no-op, and covers an early failure.
    await handle.close();
  }
  return guard.bytes();
}

/**
 * Counts the bytes really inflated: the declared size can lie, and a lie is how a small entry turns into
 * gigabytes. Also checks the CRC, since unzipper does not.
 */
function sizeGuard(entry: ZipEntry, name: string, budget: number) {
  let seen = 0;
  let crc = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) {
        return done(
          reject(`${quote(name)} holds more data than its header declares; the archive is corrupt`),
        );
      }
      // Implied by the declared sizes adding up to less than the limit; kept in case that check ever moves.
      if (seen > budget) return done(reject('the archive expands beyond the size limit'));
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== entry.uncompressedSize || crc !== entry.crc32) {
        return done(reject(`${quote(name)} is damaged (size or checksum mismatch); the archive is corrupt`));
      }
      done();
    },
  });
  return { transform, bytes: () => seen };
}

async function emptyDir(dir: string): Promise<void> {
  for (const child of await readdir(dir)) {
    await rm(path.join(dir, child), { recursive: true, force: true });
  }
}
