import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateDeployKeyPair } from '../src/secrets/deploy-key.js';

const run = promisify(execFile);

describe('deploy keys (ed25519 in OpenSSH formats)', () => {
  it('makes a public line, a fingerprint and a private key that ssh-keygen reads the same way', async () => {
    const pair = generateDeployKeyPair('launchpad-my-site');
    expect(pair.publicKey).toMatch(
      /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+=* launchpad-my-site$/,
    );
    expect(pair.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fingerprintOf(pair.publicKey)).toBe(pair.fingerprint);
    const dir = await mkdtemp(join(tmpdir(), 'launchpad-deploy-key-'));
    try {
      const file = join(dir, 'key');
      await writeFile(file, pair.privateKey, { mode: 0o600 });
      // -y derives the public key from the private file: ssh can load it.
      const derived = (await run('ssh-keygen', ['-y', '-f', file])).stdout.trim();
      expect(derived.split(' ').slice(0, 2)).toEqual(pair.publicKey.split(' ').slice(0, 2));
      const listed = (await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', file])).stdout;
      expect(listed).toContain(pair.fingerprint);
      expect(listed).toContain('(ED25519)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes a new pair every time', () => {
    expect(generateDeployKeyPair('a').fingerprint).not.toBe(generateDeployKeyPair('a').fingerprint);
  });
});
