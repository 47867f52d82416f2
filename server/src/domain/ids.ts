import { randomBytes } from 'node:crypto';

/**
 * Ids are 24 lowercase hex characters (96 random bits), as Netlify's deploy ids are: short enough that a
 * permalink host `<deployId>--<slug>.<domain>` keeps its first DNS label within 63 characters.
 */
export const ID_PATTERN = /^[0-9a-f]{24}$/;

export function newId(): string {
  return randomBytes(12).toString('hex');
}
