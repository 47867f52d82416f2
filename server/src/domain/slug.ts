import { randomInt } from 'node:crypto';
import { BadInputError } from './errors.js';

/**
 * A slug is the first DNS label of a site's host. Permalinks put `<24-hex deploy id>--` in front of it in the
 * same label (at most 63 characters), so a slug holds at most 37 characters and never contains `--`.
 */
export const MAX_SLUG_LENGTH = 37;
const SLUG = /^[a-z0-9](-?[a-z0-9])*$/;

export function validateSlug(slug: string): string {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) {
    throw new BadInputError(`A slug holds 1 to ${MAX_SLUG_LENGTH} characters`, 'slug');
  }
  if (!SLUG.test(slug)) {
    throw new BadInputError(
      'A slug uses lowercase letters, digits and single hyphens, and starts and ends with a letter or digit',
      'slug',
    );
  }
  return slug;
}

const ADJECTIVES = [
  'amber',
  'brave',
  'calm',
  'clever',
  'cosmic',
  'crisp',
  'dapper',
  'eager',
  'fancy',
  'gentle',
  'golden',
  'graceful',
  'happy',
  'jolly',
  'keen',
  'lively',
  'lucky',
  'mellow',
  'nimble',
  'polite',
  'quiet',
  'rapid',
  'silver',
  'sunny',
  'swift',
  'tidy',
  'vivid',
  'witty',
  'zesty',
  'bold',
];
const NOUNS = [
  'badger',
  'bison',
  'crane',
  'dolphin',
  'eagle',
  'falcon',
  'ferret',
  'fox',
  'gecko',
  'heron',
  'ibis',
  'koala',
  'lark',
  'lemur',
  'lynx',
  'marten',
  'moose',
  'newt',
  'otter',
  'panda',
  'puffin',
  'quail',
  'raven',
  'robin',
  'seal',
  'stork',
  'tapir',
  'tiger',
  'walrus',
  'wren',
];

/** "graceful-fox-3f9a": readable, and the suffix makes collisions rare enough to retry on. */
export function generateSlug(): string {
  const pick = (list: readonly string[]) => list[randomInt(list.length)]!;
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${randomInt(0x10000).toString(16).padStart(4, '0')}`;
}
