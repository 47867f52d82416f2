/**
 * Secrets at rest: AES-256-GCM under the master key, a random 96-bit nonce per value, and the id of the key
 * in every sealed value, so a key can rotate while older values stay readable until they are re-sealed.
 *
 * Sealed text: `lp1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>`. The prefix `lp1:<key id>` is the
 * additional authenticated data: a value cannot be moved under another key id or format version unnoticed.
 * Text (not a blob) because every place a secret lives is a text column or a JSON document.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'lp1';
const SEALED = /^lp1:([0-9a-f]{16}):([A-Za-z0-9_-]+)$/;

/** A stored value that cannot be opened: its key is not configured, or the value was altered. */
export class SecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

/** Short public name of a key (a hash of it): stored with each value, never enough to recover the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('launchpad secret key id\0').update(key).digest('hex').slice(0, 16);
}

export function isSealed(text: string): boolean {
  return SEALED.test(text);
}

/** The id of the key a sealed value was sealed under (null when it is not sealed text). */
export function sealedKeyId(text: string): string | null {
  return SEALED.exec(text)?.[1] ?? null;
}

/**
 * Seals with one key (the current one) and opens with any key it holds. Keys are 32 raw bytes; the box
 * keeps its own copies.
 */
export class SecretBox {
  readonly keyId: string;
  private readonly current: Buffer;
  private readonly keys = new Map<string, Buffer>();

  constructor(current: Buffer, alsoOpenWith: readonly Buffer[] = []) {
    for (const key of [current, ...alsoOpenWith]) {
      if (key.length !== KEY_BYTES) throw new SecretError(`a master key is ${KEY_BYTES} bytes`);
      this.keys.set(keyIdOf(key), Buffer.from(key));
    }
    this.current = Buffer.from(current);
    this.keyId = keyIdOf(current);
  }

  /** Ids of every key this box can open with. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** A box that seals with `next` and still opens everything this one opens (key rotation). */
  rotatedTo(next: Buffer): SecretBox {
    return new SecretBox(next, [...this.keys.values()]);
  }

  canOpen(sealed: string): boolean {
    const id = sealedKeyId(sealed);
    return id !== null && this.keys.has(id);
  }

  seal(plain: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const header = `${VERSION}:${this.keyId}`;
    const cipher = createCipheriv('aes-256-gcm', this.current, nonce);
    cipher.setAAD(Buffer.from(header));
    const body = Buffer.concat([nonce, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${header}:${body.toString('base64url')}`;
  }

  open(sealed: string): string {
    const m = SEALED.exec(sealed);
    if (!m) throw new SecretError('not a sealed value');
    const [, id, body] = m as unknown as [string, string, string];
    const key = this.keys.get(id);
    if (!key) {
      throw new SecretError(
        `a stored secret is sealed under key ${id}, which is not configured (LAUNCHPAD_SECRET_KEY or <data>/secret.key)`,
      );
    }
    const raw = Buffer.from(body, 'base64url');
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new SecretError('a sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(`${VERSION}:${id}`));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretError(`a stored secret under key ${id} does not authenticate (altered or wrong key)`);
    }
  }
}
