/**
 * Env var input → what a site stores. Secret values are sealed at once; a secret sent without a value keeps
 * the value stored under its name (the API never shows it, so a client cannot send it back).
 */
import { BadInputError } from '../domain/errors.js';
import type { StoredEnvVar } from '../domain/model.js';
import { validateEnvVars } from '../domain/validate.js';
import type { SecretBox } from './box.js';

export interface EnvVarInput {
  name: string;
  value?: string | null;
  /** Omitted: as stored under this name (a secret stays secret unless `false` is sent with a value). */
  secret?: boolean | null;
}

export interface StoredEnvVars {
  vars: StoredEnvVar[];
  /** A secret was added, replaced, removed or made plain: only roles that may set secrets do that. */
  secretsChanged: boolean;
}

export function storeEnvVars(
  input: readonly EnvVarInput[],
  stored: readonly StoredEnvVar[],
  box: SecretBox,
): StoredEnvVars {
  const before = new Map(stored.map((v) => [v.name, v]));
  // Names, count and sizes are checked as for plain values (a kept secret is checked by its name only).
  validateEnvVars(input.map((v) => ({ name: v.name, value: v.value ?? '' })));
  let secretsChanged = false;
  const vars = input.map(({ name, value, secret }): StoredEnvVar => {
    const prev = before.get(name);
    const isSecret = secret ?? prev?.secret ?? false;
    if (value == null) {
      if (isSecret && prev?.secret) return { name, value: prev.value, secret: true };
      throw new BadInputError(
        isSecret ? `The secret ${name} is new: give its value` : `The variable ${name} needs a value`,
        'envVars',
      );
    }
    if (isSecret || prev?.secret) secretsChanged = true;
    return isSecret ? { name, value: box.seal(value), secret: true } : { name, value };
  });
  const kept = new Set(vars.map((v) => v.name));
  if (stored.some((v) => v.secret && !kept.has(v.name))) secretsChanged = true;
  return { vars, secretsChanged };
}
