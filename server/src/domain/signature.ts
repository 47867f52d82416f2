import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * GitHub's `X-Hub-Signature-256`: "sha256=" + hex HMAC-SHA256 of the raw request body with the hook's
 * secret. Computed over the bytes as received (never re-serialised JSON) and compared in constant time.
 */
export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function githubSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
