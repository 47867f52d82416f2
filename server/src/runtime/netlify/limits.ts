import { DomainError } from '../../domain/errors.js';

/**
 * Bounds on what a deploy's `_redirects` and `_headers` may hold. Everything here ends up in the site's
 * nginx config, which nginx parses on every start and reload inside a 128 MB container, and every redirect
 * rule is a regex nginx runs on every request.
 *
 * A file over a bound fails the deploy rather than being cut short: rules apply in order and the first
 * match wins, so silently dropping the tail (or one overlong line) would change what the site does, and a
 * dropped `Basic-Auth` or condition line would open what it protected. Netlify also fails a deploy whose
 * rules are too large ("If the size of this output is too large, the deploy might fail").
 */
export interface RuleLimits {
  /** Bytes of each file. */
  fileBytes: number;
  /** Bytes of one line. */
  lineBytes: number;
  /** Rules in `_redirects`. */
  redirectRules: number;
  /** Path blocks in `_headers`. */
  headerBlocks: number;
  /** Header lines in `_headers` (each becomes one nginx variable). */
  headerLines: number;
  /**
   * Characters of a header value, a path or a destination. nginx reads its config in 4 KiB buffers and
   * refuses a longer token ("too long parameter"); escaping can double a value, and a path's characters are
   * written as `\xHH` escapes (up to five bytes each), hence the smaller bound on paths.
   */
  valueChars: number;
  pathChars: number;
}

export const DEFAULT_RULE_LIMITS: RuleLimits = {
  fileBytes: 1024 * 1024,
  lineBytes: 4096,
  redirectRules: 1000,
  headerBlocks: 200,
  headerLines: 500,
  valueChars: 2000,
  pathChars: 512,
};

/** A `_redirects` or `_headers` file beyond what Launchpad serves: the deploy fails with this message. */
export class RulesLimitError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'RulesLimitError';
  }
}
