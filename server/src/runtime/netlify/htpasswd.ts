import { createHash } from 'node:crypto';
import type { Credential } from './rules.js';

/**
 * An nginx `auth_basic_user_file`: one `user:{SSHA}base64(sha1(password + salt) + salt)` line per user
 * (RFC 2307 salted SHA-1, which nginx verifies itself; no password is ever written in the clear).
 *
 * The salt is derived from the block's path, the user and the password rather than drawn at random, so the
 * same `_headers` gives the same file: the config that names it does not change, and nginx is not reloaded,
 * when nothing changed. It still differs per user and path, which is what a salt is for.
 */
export function sshaUserFile(path: string, credentials: readonly Credential[]): string {
  const lines = credentials.map(({ user, password }) => {
    const salt = createHash('sha256')
      .update(`launchpad-ssha\0${path}\0${user}\0${password}`)
      .digest()
      .subarray(0, 8);
    const digest = createHash('sha1').update(password).update(salt).digest();
    return `${user}:{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
  });
  return `${lines.join('\n')}\n`;
}
