import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { BadInputError } from '../src/domain/errors.js';
import { DEFAULT_ZIP_LIMITS, extractZip, type ZipLimits } from '../src/source/zip-extract.js';

// Layout: <parent>/upload.zip and <parent>/out/dest. An escape from dest, even two levels up, shows up
// in the listing of <parent>.
let parent: string;
let dest: string;
let archive: string;
const UNTOUCHED = ['out', 'out/dest', 'upload.zip'];

beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'zip-extract-'));
  dest = path.join(parent, 'out', 'dest');
  await mkdir(dest, { recursive: true });
  archive = path.join(parent, 'upload.zip');
});

afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

interface YazlEntry {
  name: string;
  data?: Buffer | string;
  dir?: boolean;
  mode?: number;
  compress?: boolean;
}

/** A well-formed archive, as a real archiver writes it. */
async function yazlZip(entries: YazlEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const mode = e.mode === undefined ? {} : { mode: e.mode };
    if (e.dir) zip.addEmptyDirectory(e.name, mode);
    else zip.addBuffer(Buffer.from(e.data ?? ''), e.name, { compress: e.compress ?? true, ...mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface RawEntry {
  /** Written as given: no archiver would let us write these names. */
  name: string | Buffer;
  data?: Buffer;
  mode?: number;
  flags?: number;
  method?: number;
  /** Point this entry's directory record at an earlier entry's data instead of writing its own. */
  sameDataAs?: number;
}

/** Builds an archive byte by byte, so hostile archives say exactly which rule they break. */
function rawZip(entries: RawEntry[]): Buffer {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  const written: { offset: number; method: number; crc: number; csize: number; usize: number }[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name);
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 0;
    const packed = method === 8 ? deflateRawSync(data) : data;
    const shared = e.sameDataAs === undefined ? undefined : written[e.sameDataAs];
    const fields = shared ?? { offset, method, crc: crc32(data), csize: packed.length, usize: data.length };
    written.push(fields);
    if (!shared) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.flags ?? 0, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(fields.crc, 14);
      local.writeUInt32LE(fields.csize, 18);
      local.writeUInt32LE(fields.usize, 22);
      local.writeUInt16LE(name.length, 26);
      body.push(local, name, packed);
      offset += local.length + name.length + packed.length;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 20, 4); // made on unix, so the mode bits count
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(e.flags ?? 0, 8);
    record.writeUInt16LE(fields.method, 10);
    record.writeUInt32LE(fields.crc, 16);
    record.writeUInt32LE(fields.csize, 20);
    record.writeUInt32LE(fields.usize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    record.writeUInt32LE(fields.offset, 42);
    central.push(record, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, directory, end]);
}

/** Rewrites fields of one entry's central directory record (where unzipper takes sizes from). */
function patchCentralRecord(zip: Buffer, name: string, patch: (record: Buffer) => void): Buffer {
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; ) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      patch(zip.subarray(at, at + 46));
      return zip;
    }
    at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
  }
  throw new Error(`no central record for ${name}`);
}

async function listTree(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const child of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + child.name;
    out.push(rel);
    if (child.isDirectory()) out.push(...(await listTree(path.join(dir, child.name), `${rel}/`)));
  }
  return out.sort();
}

async function extract(zip: Buffer, limits?: ZipLimits) {
  await writeFile(archive, zip);
  return extractZip(archive, dest, limits);
}

/** Every rejection: a user-facing error on the upload field, nothing left in dest, nothing written elsewhere. */
async function expectRejected(zip: Buffer, message: RegExp, limits?: ZipLimits): Promise<void> {
  const error = await extract(zip, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadInputError);
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  expect((error as Error).message).toMatch(message);
  expect(await readdir(dest)).toEqual([]);
  expect(await listTree(parent)).toEqual(UNTOUCHED);
}

const limits = (overrides: Partial<ZipLimits>): ZipLimits => ({ ...DEFAULT_ZIP_LIMITS, ...overrides });

describe('extractZip: well-formed archives', () => {
  it('extracts nested folders and binary content byte for byte, with fixed modes', async () => {
    const stored = randomBytes(300_000);
    const deflated = randomBytes(100_000);
    const result = await extract(
      await yazlZip([
        { name: 'index.html', data: '<h1>hello</h1>', mode: 0o100777 },
        { name: 'assets/img/', dir: true, mode: 0o040700 },
        { name: 'assets/img/photo.bin', data: stored, compress: false },
        { name: 'assets/app.bin', data: deflated },
        { name: 'deep/a/b/c/d.txt', data: 'deep' },
        { name: 'empty.txt', data: '' },
      ]),
    );

    expect(result).toEqual({ files: 5, bytes: 14 + 300_000 + 100_000 + 4, unwrapped: null });
    expect(await listTree(dest)).toEqual([
      'assets',
      'assets/app.bin',
      'assets/img',
      'assets/img/photo.bin',
      'deep',
      'deep/a',
      'deep/a/b',
      'deep/a/b/c',
      'deep/a/b/c/d.txt',
      'empty.txt',
      'index.html',
    ]);
    // Buffer.equals: toEqual walks large buffers element by element and takes seconds.
    expect((await readFile(path.join(dest, 'assets/img/photo.bin'))).equals(stored)).toBe(true);
    expect((await readFile(path.join(dest, 'assets/app.bin'))).equals(deflated)).toBe(true);
    expect(await readFile(path.join(dest, 'index.html'), 'utf8')).toBe('<h1>hello</h1>');
    expect(await readFile(path.join(dest, 'empty.txt'), 'utf8')).toBe('');
    // The modes in the archive are ignored: the site container only ever needs to read.
    expect((await stat(path.join(dest, 'index.html'))).mode & 0o777).toBe(0o644);
    expect((await stat(path.join(dest, 'assets/img'))).mode & 0o777).toBe(0o755);
    expect((await stat(path.join(dest, 'deep/a/b'))).mode & 0o777).toBe(0o755);
  });

  it('unwraps a single top-level folder (a zipped dist/), ignoring macOS junk', async () => {
    const result = await extract(
      await yazlZip([
        { name: 'dist/', dir: true },
        { name: 'dist/index.html', data: 'home' },
        { name: 'dist/assets/app.js', data: 'console.log(1)' },
        { name: 'dist/.DS_Store', data: 'finder' },
        { name: '__MACOSX/', dir: true },
        { name: '__MACOSX/dist/._index.html', data: 'resource fork' },
      ]),
    );

    expect(result).toEqual({ files: 2, bytes: 4 + 14, unwrapped: 'dist' });
    expect(await listTree(dest)).toEqual(['assets', 'assets/app.js', 'index.html']);
  });

  it('does not unwrap when the top level holds a file or several folders', async () => {
    const mixed = await extract(await yazlZip([{ name: 'site/index.html' }, { name: 'README.md' }]));
    expect(mixed.unwrapped).toBeNull();
    expect(await listTree(dest)).toEqual(['README.md', 'site', 'site/index.html']);

    await rm(dest, { recursive: true });
    await mkdir(dest);
    const lone = await extract(await yazlZip([{ name: 'index.html', data: 'x' }]));
    expect(lone).toEqual({ files: 1, bytes: 1, unwrapped: null });
    expect(await listTree(dest)).toEqual(['index.html']);
  });

  it('refuses a destination that is not empty, without touching it', async () => {
    await writeFile(path.join(dest, 'keep.txt'), 'mine');
    await writeFile(archive, await yazlZip([{ name: 'index.html', data: 'x' }]));
    const error = await extractZip(archive, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BadInputError);
    expect(await listTree(dest)).toEqual(['keep.txt']);
  });
});

describe('extractZip: path attacks', () => {
  it('stops zip slip with ../', async () => {
    await expectRejected(rawZip([{ name: '../evil', data: Buffer.from('x') }]), /"\.\.\/evil".*'\.\.'/);
  });

  it('stops zip slip with a .. in the middle', async () => {
    await expectRejected(rawZip([{ name: 'a/../../evil', data: Buffer.from('x') }]), /outside/);
  });

  it('stops zip slip that hides .. behind backslashes', async () => {
    await expectRejected(rawZip([{ name: '..\\evil', data: Buffer.from('x') }]), /backslash/);
    await expectRejected(rawZip([{ name: 'a\\..\\..\\evil', data: Buffer.from('x') }]), /backslash/);
  });

  it('stops an absolute unix path', async () => {
    const target = path.join(parent, 'pwned');
    await expectRejected(rawZip([{ name: target, data: Buffer.from('x') }]), /absolute path/);
  });

  it('stops absolute Windows and UNC paths', async () => {
    await expectRejected(rawZip([{ name: 'C:\\evil', data: Buffer.from('x') }]), /absolute path/);
    await expectRejected(rawZip([{ name: 'C:/evil', data: Buffer.from('x') }]), /absolute path/);
    await expectRejected(rawZip([{ name: '\\\\server\\share\\evil', data: Buffer.from('x') }]), /absolute/);
  });

  it('stops a NUL byte that would truncate the name', async () => {
    await expectRejected(rawZip([{ name: 'index.html\0.png', data: Buffer.from('x') }]), /control character/);
  });

  it('stops names that are not valid UTF-8', async () => {
    const name = Buffer.from([0x61, 0xff, 0x2e, 0x68, 0x74, 0x6d, 0x6c]);
    await expectRejected(rawZip([{ name, data: Buffer.from('x') }]), /UTF-8/);
  });

  it('stops empty and . path segments', async () => {
    await expectRejected(rawZip([{ name: 'a//b', data: Buffer.from('x') }]), /empty or '\.'/);
    await expectRejected(rawZip([{ name: './a', data: Buffer.from('x') }]), /empty or '\.'/);
  });

  it('stops a name longer than the file system allows', async () => {
    await expectRejected(rawZip([{ name: `${'a'.repeat(256)}.html`, data: Buffer.from('x') }]), /255 bytes/);
  });
});

describe('extractZip: entry type attacks', () => {
  it('stops a symlink entry', async () => {
    const zip = await yazlZip([
      { name: 'index.html', data: 'x' },
      { name: 'passwd', data: '/etc/passwd', mode: 0o120777 },
    ]);
    await expectRejected(zip, /"passwd" is a symbolic link/);
  });

  it('stops a symlink to .. followed by a write through it', async () => {
    const zip = await yazlZip([
      { name: 'link', data: '..', mode: 0o120777 },
      { name: 'link/evil', data: 'x' },
    ]);
    await expectRejected(zip, /symbolic link/);
  });

  it('stops device and fifo entries', async () => {
    await expectRejected(await yazlZip([{ name: 'pipe', data: '', mode: 0o010644 }]), /not a regular file/);
    await expectRejected(await yazlZip([{ name: 'tty', data: '', mode: 0o020644 }]), /not a regular file/);
  });

  it('stops duplicate names, which would let a later entry replace an earlier one', async () => {
    const zip = rawZip([
      { name: 'index.html', data: Buffer.from('good') },
      { name: 'index.html', data: Buffer.from('evil') },
    ]);
    await expectRejected(zip, /"index.html" appears twice/);
  });

  it('stops a name that is both a file and a folder', async () => {
    const zip = rawZip([
      { name: 'a', data: Buffer.from('file') },
      { name: 'a/b', data: Buffer.from('nested') },
    ]);
    await expectRejected(zip, /"a" is both a file and a folder/);
  });

  it('stops encrypted entries', async () => {
    await expectRejected(rawZip([{ name: 'secret', data: Buffer.from('x'), flags: 0x1 }]), /encrypted/);
    await expectRejected(rawZip([{ name: 'aes', data: Buffer.from('x'), method: 99 }]), /encrypted/);
  });

  it('stops compression methods we do not inflate', async () => {
    await expectRejected(rawZip([{ name: 'bz', data: Buffer.from('x'), method: 12 }]), /method 12/);
  });
});

describe('extractZip: size attacks', () => {
  it('stops too many files', async () => {
    const zip = await yazlZip(['a', 'b', 'c', 'd'].map((name) => ({ name, data: name })));
    await expectRejected(zip, /4 entries; the limit is 3/, limits({ maxFiles: 3 }));
  });

  it('stops an archive over the upload size', async () => {
    const zip = await yazlZip([{ name: 'a.bin', data: randomBytes(2000), compress: false }]);
    await expectRejected(zip, /the limit is 1000 bytes/, limits({ maxArchiveBytes: 1000 }));
  });

  it('stops an archive that declares more than the uncompressed limit', async () => {
    const zip = await yazlZip([
      { name: 'a.bin', data: randomBytes(600), compress: false },
      { name: 'b.bin', data: randomBytes(600), compress: false },
    ]);
    await expectRejected(
      zip,
      /expands to 1200 bytes; the limit is 1000 bytes/,
      limits({ maxUncompressedBytes: 1000 }),
    );
  });

  it('names the entry that alone exceeds the uncompressed limit', async () => {
    const zip = await yazlZip([{ name: 'huge.bin', data: randomBytes(2000), compress: false }]);
    await expectRejected(zip, /"huge.bin" is 2000 bytes/, limits({ maxUncompressedBytes: 1000 }));
  });

  it('stops a ratio bomb (50 MB of zeros)', async () => {
    const zip = await yazlZip([{ name: 'zeros.bin', data: Buffer.alloc(50_000_000) }]);
    await expectRejected(zip, /"zeros.bin" expands \d+ times.*limit is 200.*zip bomb/);
  });

  it('stops a ratio bomb split into many small files', async () => {
    const pieces = Array.from({ length: 30 }, (_, i) => ({ name: `z${i}.bin`, data: Buffer.alloc(900_000) }));
    await expectRejected(await yazlZip(pieces), /the archive expands \d+ times its size.*zip bomb/);
  });

  it('stops overlapping entries (one compressed kernel inflated many times)', async () => {
    const zip = rawZip([
      { name: 'a.bin', data: Buffer.alloc(100_000), method: 8 },
      { name: 'b.bin', sameDataAs: 0 },
      { name: 'c.bin', sameDataAs: 0 },
    ]);
    await expectRejected(zip, /overlaps another entry/);
  });

  it('stops an entry that inflates to more than its declared size, after removing earlier files', async () => {
    const zip = await yazlZip([
      { name: 'index.html', data: 'written first' },
      { name: 'liar.bin', data: Buffer.alloc(1_000_000) },
    ]);
    patchCentralRecord(zip, 'liar.bin', (record) => record.writeUInt32LE(1000, 24));
    await expectRejected(zip, /"liar.bin" holds more data than its header declares/);
  });

  it('stops a stored entry that holds more than its declared size', async () => {
    const zip = await yazlZip([{ name: 'liar.bin', data: randomBytes(5000), compress: false }]);
    patchCentralRecord(zip, 'liar.bin', (record) => record.writeUInt32LE(10, 24));
    await expectRejected(zip, /"liar.bin" holds more data/);
  });

  it('stops an entry shorter than declared or with a bad checksum', async () => {
    const short = await yazlZip([{ name: 'short.bin', data: randomBytes(5000) }]);
    patchCentralRecord(short, 'short.bin', (record) => record.writeUInt32LE(6000, 24));
    await expectRejected(short, /"short.bin" is damaged/);

    const flipped = await yazlZip([{ name: 'crc.bin', data: randomBytes(5000) }]);
    patchCentralRecord(flipped, 'crc.bin', (record) =>
      record.writeUInt32LE((record.readUInt32LE(16) ^ 1) >>> 0, 16),
    );
    await expectRejected(flipped, /"crc.bin" is damaged/);
  });

  it('stops a forged ZIP64 entry count that would exhaust memory before any entry is seen', async () => {
    // A 98-byte file claiming four billion entries: unzipper alone allocates until the process dies.
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(0xffffffffn, 24);
    record.writeBigUInt64LE(0xffffffffn, 32);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(1, 16);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    await expectRejected(Buffer.concat([record, locator, end]), /ZIP64/);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes the archive after aborting an entry halfway', async () => {
    const zip = await yazlZip([{ name: 'liar.bin', data: randomBytes(2_000_000), compress: false }]);
    patchCentralRecord(zip, 'liar.bin', (record) => record.writeUInt32LE(10, 24));
    await writeFile(archive, zip);
    const before = (await readdir('/proc/self/fd')).length;
    for (let i = 0; i < 5; i++) await expect(extractZip(archive, dest)).rejects.toThrow(/holds more data/);
    expect((await readdir('/proc/self/fd')).length).toBeLessThanOrEqual(before);
  });
});

describe('extractZip: not an archive', () => {
  it('rejects a text file named .zip', async () => {
    await expectRejected(Buffer.from('<html>definitely not a zip</html>\n'), /^not a zip archive$/);
  });

  it('rejects an empty file', async () => {
    await expectRejected(Buffer.alloc(0), /^not a zip archive$/);
  });

  it('rejects a truncated zip', async () => {
    const zip = await yazlZip([
      { name: 'index.html', data: randomBytes(4000) },
      { name: 'app.js', data: randomBytes(4000) },
    ]);
    await expectRejected(zip.subarray(0, Math.floor(zip.length / 2)), /^not a zip archive$/);
    await expectRejected(zip.subarray(0, zip.length - 10), /^not a zip archive$/);
  });

  it('rejects a zip whose directory points past its end', async () => {
    const zip = await yazlZip([{ name: 'index.html', data: 'x' }]);
    zip.writeUInt32LE(zip.length + 1000, zip.length - 6);
    await expectRejected(zip, /^not a zip archive$/);
  });

  it('rejects an archive with no files', async () => {
    await expectRejected(await yazlZip([]), /^the archive contains no files$/);
    await expectRejected(await yazlZip([{ name: 'dist/', dir: true }]), /no files/);
    await expectRejected(
      await yazlZip([
        { name: '__MACOSX/._x', data: 'junk' },
        { name: '.DS_Store', data: 'junk' },
      ]),
      /no files/,
    );
  });
});
