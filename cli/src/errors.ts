/**
 * Every way a command can fail, once: the code printed (api.md's error codes, plus the CLI's own for what
 * happens before or beside the API) and the process's exit status. Scripts branch on the exit status and
 * read the code from stderr or from `--json`'s `error.code`.
 */
export const EXIT = {
  OK: 0,
  /** The API refused or failed (its `extensions.code`), or the server could not be reached. */
  ERROR: 1,
  /** Bad arguments or options (commander's own usage errors too). */
  USAGE: 2,
  /** The deploy ran and ended FAILED: the command worked, the site did not. */
  DEPLOY_FAILED: 3,
  /** The deploy was CANCELLED (by someone else, or the server gave up waiting for an upload). */
  DEPLOY_CANCELLED: 4,
} as const;

/** The CLI's own codes, beside api.md's (`UNAUTHENTICATED`, `NOT_FOUND`, `BAD_USER_INPUT`, …). */
export type LocalCode =
  | 'USAGE'
  | 'NOT_CONFIGURED'
  | 'CONNECTION_FAILED'
  | 'BAD_RESPONSE'
  | 'DEPLOY_FAILED'
  | 'DEPLOY_CANCELLED';

export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT.ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usage = (message: string) => new CliError('USAGE', message, EXIT.USAGE);
