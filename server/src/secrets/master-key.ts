/**
 * Where the master key comes from: `LAUNCHPAD_SECRET_KEY` (base64 of 32 bytes), else `<data>/secret.key`
 * (created, mode 0600, on first start). `<data>/secret.key.next` exists only while a file key rotates
 * (scripts/rotate-key.ts): it is written before any value is re-sealed and renamed over secret.key after
 * the re-sealing transaction commits, so whatever moment a rotation stops at, every stored value opens
 * with one of the two files.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KEY_BYTES, SecretBox } from './box.js';

export const keyFile = (dataDir: string) => join(dataDir, 'secret.key');
export const nextKeyFile = (dataDir: string) => join(dataDir, 'secret.key.next');

/** base64 of exactly 32 bytes, else null. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : null;
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export interface MasterKeys {
  box: SecretBox;
  /** The key came from LAUNCHPAD_SECRET_KEY rather than the data dir. */
  fromEnvironment: boolean;
  /** secret.key was created by this call. */
  generated: boolean;
  /** A rotation stopped before it finished: secret.key.next is still there (its key opens values too). */
  rotationPending: boolean;
}

/** The configured key (`envKey`: the already validated base64, or null for the key file). */
export async function loadMasterKeys(dataDir: string, envKey: string | null): Promise<MasterKeys> {
  const next = await readKeyFile(nextKeyFile(dataDir));
  const also = next ? [next] : [];
  if (envKey !== null) {
    const key = parseKey(envKey);
    if (!key) throw new Error('LAUNCHPAD_SECRET_KEY: must be the base64 of 32 bytes');
    return {
      box: new SecretBox(key, also),
      fromEnvironment: true,
      generated: false,
      rotationPending: !!next,
    };
  }
  const file = keyFile(dataDir);
  let key = await readKeyFile(file);
  let generated = false;
  if (!key) {
    key = newKey();
    await writeKeyFile(file, key);
    generated = true;
  } else {
    await chmod(file, 0o600); // a key file someone made readable is narrowed again
  }
  return { box: new SecretBox(key, also), fromEnvironment: false, generated, rotationPending: !!next };
}

/** null when the file does not exist; throws when it exists but holds no key (never silently replaced). */
export async function readKeyFile(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = parseKey(text);
  if (!key) throw new Error(`${path} does not hold a master key (base64 of 32 bytes)`);
  return key;
}

/** Writes a key file durably (0600, fsync of the file and its folder); refuses to overwrite one. */
export async function writeKeyFile(path: string, key: Buffer): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(`${key.toString('base64')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDir(dirname(path));
}

/** Atomically puts `from` in place of `to` (same folder) and makes the rename durable. */
export async function replaceKeyFile(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDir(dirname(to));
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
