import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  content?: Buffer | string;
  /** Unix mode including the file type bits (e.g. 0o120777 for a symlink). */
  mode?: number;
}

/** Builds a zip in memory. Entries are written as given, hostile names included (that is the point). */
export function makeZip(entries: (ZipEntry | [string, Buffer | string])[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const entry: ZipEntry = Array.isArray(e) ? { name: e[0], content: e[1] } : e;
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content ?? '');
    zip.addBuffer(data, entry.name, { mode: entry.mode ?? 0o100644, compress: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/**
 * yazl refuses `..` and absolute names, as a good writer should; attackers use other writers. Build the
 * archive with a placeholder name of the same length, then swap the bytes in both the local header and
 * the central directory (CRCs cover data, not names, so the archive stays valid).
 */
export function renameEntry(zip: Buffer, placeholder: string, hostile: string): Buffer {
  if (placeholder.length !== hostile.length)
    throw new Error('placeholder and hostile name must be the same length');
  const out = Buffer.from(zip);
  const from = Buffer.from(placeholder);
  let at = out.indexOf(from);
  let count = 0;
  while (at >= 0) {
    out.write(hostile, at);
    count++;
    at = out.indexOf(from, at + from.length);
  }
  if (count < 2) throw new Error(`placeholder ${placeholder} found ${count} times`);
  return out;
}
