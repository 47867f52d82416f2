import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import { validateName } from '../src/domain/validate.js';
import { type Launchpad, startLaunchpad } from './support/harness.js';

describe('validateName', () => {
  it.each([
    ['NUL', 'my\0site'],
    ['a lone NUL', '\0'],
    ['newline', 'line\nbreak'],
    ['escape sequence', 'red \u001b[31mname'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'],
  ])('refuses %s with BAD_USER_INPUT on name', (_what, name) => {
    const err = (() => {
      try {
        validateName(name);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).field).toBe('name');
    expect((err as Error).message).toMatch(/control characters/);
  });

  it.each([
    ['plain', 'My site', 'My site'],
    ['trimmed', '  padded\t', 'padded'],
    ['unicode', 'Café ✓ 日本', 'Café ✓ 日本'],
  ])('accepts %s', (_what, name, expected) => {
    expect(validateName(name)).toBe(expected);
  });
});

describe('a NUL byte in a site name over the API', () => {
  let lp: Launchpad;
  beforeAll(async () => {
    lp = await startLaunchpad();
  });
  afterAll(async () => {
    await lp?.cleanup();
  });

  it('is refused as BAD_USER_INPUT on name, not an INTERNAL error, and nothing is stored', async () => {
    const res = await lp.gql('mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
      input: { name: 'evil\u0000name', sourceType: 'GIT', gitUrl: 'https://example.com/site.git' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const sites = await lp.gql<{ sites: unknown[] }>('{ sites { id } }');
    expect(sites.data?.sites).toEqual([]);
  });
});
