import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: session cookies, API tokens and invitation links carry one. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret. SHA-256 is enough here (unlike passwords): the secrets are 256-bit
 * random, so there is nothing to guess, and a lookup by hash stays one indexed query.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens start with this, so they are recognisable in a leaked file and told apart from the admin token. */
export const TOKEN_PREFIX = 'lp_pat_';

export function newApiToken(): { secret: string; prefix: string; hash: string } {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: secretHash(secret) };
}

export function isApiToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX);
}
