import { describe, expect, it } from 'vitest';
import { githubSignature, verifyGithubSignature } from '../src/domain/signature.js';

describe('GitHub webhook signatures', () => {
  const secret = "It's a Secret to Everybody";
  const vector = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

  it("matches GitHub's published test vector", () => {
    expect(githubSignature(secret, 'Hello, World!')).toBe(vector);
    expect(verifyGithubSignature(secret, Buffer.from('Hello, World!'), vector)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the legacy sha1 form', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['a truncated digest', vector.slice(0, -2)],
    ['another secret', githubSignature('other secret', 'Hello, World!')],
    ['other bytes', githubSignature(secret, 'Hello, World! ')],
  ])('refuses %s', (_label, header) => {
    expect(verifyGithubSignature(secret, Buffer.from('Hello, World!'), header)).toBe(false);
  });
});
