import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSealed, keyIdOf, SecretBox, SecretError, sealedKeyId } from '../src/secrets/box.js';
import { keyFile, loadMasterKeys, newKey, nextKeyFile, parseKey } from '../src/secrets/master-key.js';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);

describe('SecretBox (AES-256-GCM, key id with every value)', () => {
  it.each([
    ['empty', ''],
    ['ascii', 'hunter2-hunter2'],
    ['unicode', 'pässwörd ✓ 秘密'],
    ['multi-line private key', '-----BEGIN X-----\nabc\n-----END X-----\n'],
    ['long', 'x'.repeat(40_000)],
  ])('round-trips %s', (_name, plain) => {
    const box = new SecretBox(k1);
    const sealed = box.seal(plain);
    expect(isSealed(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(keyIdOf(k1));
    if (plain.length >= 4) expect(sealed).not.toContain(plain);
    expect(box.open(sealed)).toBe(plain);
  });

  it('uses a fresh nonce for every value (same plain text, different ciphertext)', () => {
    const box = new SecretBox(k1);
    const seen = new Set(Array.from({ length: 50 }, () => box.seal('same')));
    expect(seen.size).toBe(50);
  });

  it('opens values of every key it holds and seals with the current one only', () => {
    const old = new SecretBox(k1).seal('old value');
    const box = new SecretBox(k2, [k1]);
    expect(box.open(old)).toBe('old value');
    expect(sealedKeyId(box.seal('new'))).toBe(keyIdOf(k2));
    expect(new SecretBox(k2).canOpen(old)).toBe(false);
  });

  it.each([
    ['an unknown key', (s: string) => new SecretBox(k2).open(s), /not configured/],
    ['a flipped ciphertext byte', (s: string) => new SecretBox(k1).open(flip(s)), /does not authenticate/],
    [
      'a value moved under another key id',
      (s: string) => new SecretBox(k1, [k2]).open(s.replace(keyIdOf(k1), keyIdOf(k2))),
      /does not authenticate/,
    ],
    ['plain text', () => new SecretBox(k1).open('hunter2'), /not a sealed value/],
    ['a truncated value', (s: string) => new SecretBox(k1).open(s.slice(0, 30)), /truncated|authenticate/],
  ])('refuses %s', (_name, attempt, message) => {
    const sealed = new SecretBox(k1).seal('the secret');
    expect(() => attempt(sealed)).toThrow(SecretError);
    expect(() => attempt(sealed)).toThrow(message);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(SecretError);
  });
});

function flip(sealed: string): string {
  const [v, id, body] = sealed.split(':') as [string, string, string];
  const raw = Buffer.from(body, 'base64url');
  raw[14] = raw[14]! ^ 1;
  return `${v}:${id}:${raw.toString('base64url')}`;
}

describe('master key', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it.each([
    ['base64 of 32 bytes', Buffer.alloc(32, 7).toString('base64'), true],
    ['base64 of 16 bytes', Buffer.alloc(16, 7).toString('base64'), false],
    ['hex', Buffer.alloc(32, 7).toString('hex'), false],
    ['base64url', Buffer.alloc(32, 0xfb).toString('base64url'), false],
    ['empty', '', false],
  ])('parseKey: %s', (_name, text, ok) => {
    expect(parseKey(text) !== null).toBe(ok);
  });

  it('is generated into <data>/secret.key with mode 0600 on first start, and read back after', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-key-'));
    const first = await loadMasterKeys(dir, null);
    expect(first.generated).toBe(true);
    expect((await stat(keyFile(dir))).mode & 0o777).toBe(0o600);
    const again = await loadMasterKeys(dir, null);
    expect(again.generated).toBe(false);
    expect(again.box.keyId).toBe(first.box.keyId);
    expect(again.box.open(first.box.seal('x'))).toBe('x');
  });

  it('comes from LAUNCHPAD_SECRET_KEY when set, and writes no file then', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-key-'));
    const key = newKey();
    const keys = await loadMasterKeys(dir, key.toString('base64'));
    expect(keys.box.keyId).toBe(keyIdOf(key));
    await expect(stat(keyFile(dir))).rejects.toThrow();
  });

  it('opens with the key of an unfinished rotation (secret.key.next) too', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-key-'));
    await loadMasterKeys(dir, null);
    await writeFile(nextKeyFile(dir), `${k2.toString('base64')}\n`, { mode: 0o600 });
    const keys = await loadMasterKeys(dir, null);
    expect(keys.rotationPending).toBe(true);
    expect(keys.box.open(new SecretBox(k2).seal('under next'))).toBe('under next');
  });

  it('never replaces a key file that holds no key (it would orphan every secret)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'launchpad-key-'));
    await writeFile(keyFile(dir), 'garbage\n');
    await expect(loadMasterKeys(dir, null)).rejects.toThrow(/does not hold a master key/);
    expect(await readFile(keyFile(dir), 'utf8')).toBe('garbage\n');
  });
});
