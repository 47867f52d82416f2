/**
 * Text from outside (build output, commit messages) made safe to store and publish.
 *
 * A NUL byte ends a C string: MikroORM inlines batch inserts into one SQL text, and SQLite stops reading
 * that text at the NUL ("unrecognized token"), so one NUL made a whole batch of log lines fail. A lone
 * UTF-16 surrogate (from bytes cut mid-character) cannot be encoded as UTF-8 or strict JSON. Both are
 * replaced by visible stand-ins rather than dropped, so the log still shows that something was there.
 * Other control characters are kept: the database and JSON hold them, and terminal colour codes matter.
 */
export const NUL_STAND_IN = '\u2400'; // ␀ SYMBOL FOR NULL

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any NUL or surrogate: most text has neither, and is then returned after one scan. */
const NEEDS_CARE = /[\0\uD800-\uDFFF]/;

export function storableText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text;
  return text.replaceAll('\0', NUL_STAND_IN).replace(LONE_SURROGATE, '\uFFFD');
}

/** C0 and C1 control characters and DEL (Unicode's Cc): never part of a name a person typed. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
