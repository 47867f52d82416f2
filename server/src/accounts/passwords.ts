import { hash, verify } from '@node-rs/argon2';
import { BadInputError } from '../domain/errors.js';

/** api.md: at least 10 characters. The upper bound keeps one hash from costing a request its budget. */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

export function validatePassword(password: string, field = 'password'): string {
  if (password.length < MIN_PASSWORD) {
    throw new BadInputError(`A password needs at least ${MIN_PASSWORD} characters`, field);
  }
  if (password.length > MAX_PASSWORD) {
    throw new BadInputError(`A password has at most ${MAX_PASSWORD} characters`, field);
  }
  return password;
}

/** Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash matches nothing
  }
}

/**
 * A hash of nothing anyone knows, checked when the e-mail has no account (or no password): a sign-in
 * then takes as long as one with a wrong password, so timing does not tell whether the account exists.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hash(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** Trimmed and lower-cased: one account per address, whatever its case. */
export function normalizeEmail(email: string, field = 'email'): string {
  const normal = email.trim().toLowerCase();
  if (normal.length > 320 || !EMAIL.test(normal)) throw new BadInputError('Not an e-mail address', field);
  return normal;
}
