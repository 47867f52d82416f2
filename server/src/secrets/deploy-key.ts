/**
 * Deploy keys: ed25519 key pairs made by node:crypto, written in the formats OpenSSH reads — the public
 * half as an authorized_keys / GitHub "Deploy keys" line, the private half as an unencrypted
 * `openssh-key-v1` file (PROTOCOL.key in OpenSSH's sources), which every ssh since 6.5 loads (node exports
 * ed25519 private keys only as PKCS#8, which older ssh builds refuse).
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

export interface DeployKeyPair {
  /** `ssh-ed25519 <base64> <comment>` */
  publicKey: string;
  /** `-----BEGIN OPENSSH PRIVATE KEY----- …`, what `ssh -i` reads. Secret: seal it before storing. */
  privateKey: string;
  /** `SHA256:<base64, no padding>`, as `ssh-keygen -l` and GitHub show it. */
  fingerprint: string;
}

const TYPE = 'ssh-ed25519';

/** An ssh wire-format string: uint32 length, then the bytes. */
function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** A new ed25519 pair; `comment` ends the public line (e.g. `launchpad-<slug>`). */
export function generateDeployKeyPair(comment: string): DeployKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const blob = Buffer.concat([sshString(TYPE), sshString(pub)]);

  const check = randomBytes(4);
  let secret = Buffer.concat([
    check,
    check,
    sshString(TYPE),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])), // OpenSSH keeps the 32-byte seed followed by the public key
    sshString(comment),
  ]);
  const padding = (8 - (secret.length % 8)) % 8; // cipher "none" has block size 8
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: padding }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'), // cipher
    sshString('none'), // kdf
    sshString(''), // kdf options
    uint32(1),
    sshString(blob),
    sshString(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  secret.fill(0);
  seed.fill(0);
  return {
    publicKey: `${TYPE} ${blob.toString('base64')} ${comment}`,
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    fingerprint: fingerprintOf(blob),
  };
}

/** `SHA256:…` of a public key blob (or of an `ssh-ed25519 <base64> …` line). */
export function fingerprintOf(blobOrLine: Buffer | string): string {
  const blob =
    typeof blobOrLine === 'string'
      ? Buffer.from(blobOrLine.trim().split(/\s+/)[1] ?? '', 'base64')
      : blobOrLine;
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
