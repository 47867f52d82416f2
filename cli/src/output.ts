import { CliError, EXIT } from './errors.js';

/**
 * Where a command's answer goes: with `--json`, one JSON value on stdout (or one per line for a stream of
 * log lines) and nothing else there; without, text for people, progress and notes on stderr.
 */
export class Output {
  private readonly secrets = new Set<string>();

  constructor(
    readonly json: boolean,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {}

  /** A value that must never be printed (the token): every line written has it replaced by ***. */
  protect(secret: string): void {
    if (secret.length >= 4) this.secrets.add(secret);
  }

  /** The command's answer: `value` as JSON with --json, else `text`. */
  result(value: unknown, text: string): void {
    if (this.json) this.write(this.stdout, `${JSON.stringify(value)}\n`);
    else if (text) this.write(this.stdout, text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A note for people (what is happening, what was skipped); silent with --json. */
  note(text: string): void {
    if (!this.json) this.write(this.stderr, `${text}\n`);
  }

  /** A warning: stderr in both modes (JSON readers ignore stderr). */
  warn(text: string): void {
    this.write(this.stderr, `warning: ${text}\n`);
  }

  /** Reports a failure and answers the exit status. */
  fail(err: unknown): number {
    const error =
      err instanceof CliError
        ? err
        : new CliError('INTERNAL', err instanceof Error ? err.message : String(err), EXIT.ERROR);
    if (this.json) {
      this.write(this.stdout, `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n`);
    }
    this.write(this.stderr, `launchpad: ${error.code}: ${error.message}\n`);
    return error.exitCode;
  }

  write(stream: NodeJS.WritableStream, text: string): void {
    stream.write(redact(text, this.secrets));
  }
}

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
