import { describe, expect, it } from 'vitest';
import { BadInputError } from '../src/domain/errors.js';
import type { StoredEnvVar } from '../src/domain/model.js';
import { SecretBox } from '../src/secrets/box.js';
import { type EnvVarInput, storeEnvVars } from '../src/secrets/env-vars.js';
import { publicEnvVar, siteContainerEnv, siteSecretValues } from '../src/secrets/site-env.js';

const box = new SecretBox(Buffer.alloc(32, 5));
const stored: StoredEnvVar[] = [
  { name: 'PLAIN', value: 'p' },
  { name: 'TOKEN', value: box.seal('t0ken-value'), secret: true },
];

const open = (vars: StoredEnvVar[]) => siteContainerEnv({ envVars: vars }, box);

describe('storeEnvVars (env var input → what a site stores)', () => {
  it.each<[string, EnvVarInput[], { name: string; value: string }[], boolean]>([
    [
      'a secret sent back without a value keeps it',
      [{ name: 'PLAIN', value: 'p' }, { name: 'TOKEN' }],
      [
        { name: 'PLAIN', value: 'p' },
        { name: 'TOKEN', value: 't0ken-value' },
      ],
      false,
    ],
    [
      'value null (as the API shows it) keeps it too',
      [{ name: 'TOKEN', value: null, secret: true }],
      [{ name: 'TOKEN', value: 't0ken-value' }],
      false, // removing a plain variable is no secret change
    ],
    [
      'a new value replaces the secret, and it stays secret without saying so',
      [{ name: 'TOKEN', value: 'new-value' }],
      [{ name: 'TOKEN', value: 'new-value' }],
      true,
    ],
    [
      'a removed secret is a secret change',
      [{ name: 'PLAIN', value: 'p' }],
      [{ name: 'PLAIN', value: 'p' }],
      true,
    ],
    [
      'a plain variable made secret',
      [
        { name: 'PLAIN', value: 'now-secret', secret: true },
        { name: 'TOKEN', secret: true },
      ],
      [
        { name: 'PLAIN', value: 'now-secret' },
        { name: 'TOKEN', value: 't0ken-value' },
      ],
      true,
    ],
  ])('%s', (_name, input, env, secretsChanged) => {
    const result = storeEnvVars(input, stored, box);
    expect(open(result.vars)).toEqual(env);
    for (const v of result.vars.filter((x) => x.secret)) expect(v.value).not.toContain('value');
    expect(result.secretsChanged).toBe(secretsChanged);
  });

  it.each<[string, EnvVarInput[]]>([
    ['a new secret without a value', [{ name: 'NEW', secret: true }]],
    ['a plain variable without a value', [{ name: 'PLAIN' }]],
    ['a secret made plain without a value', [{ name: 'TOKEN', secret: false }]],
    ['a bad name', [{ name: '1BAD', value: 'x' }]],
    [
      'a name twice',
      [
        { name: 'A', value: 'x' },
        { name: 'A', value: 'y' },
      ],
    ],
  ])('refuses %s (field envVars)', (_name, input) => {
    expect(() => storeEnvVars(input, stored, box)).toThrow(BadInputError);
  });

  it('shows a secret as null and gives its value only to containers and the redactor', () => {
    expect(stored.map(publicEnvVar)).toEqual([
      { name: 'PLAIN', value: 'p', secret: false },
      { name: 'TOKEN', value: null, secret: true },
    ]);
    expect(siteSecretValues({ envVars: stored }, box)).toEqual(['t0ken-value']);
  });
});
