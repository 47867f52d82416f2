import { DomainError } from '../domain/errors.js';

/**
 * The name a site's server needs is held by something Launchpad did not create. Launchpad never touches
 * it; the operator removes or renames it (or the site gets another slug).
 */
export class NameTakenError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly containerName: string) {
    super(
      `A container named ${containerName} exists and is not managed by Launchpad; refusing to touch it. ` +
        'Remove or rename that container, or give the site another slug.',
    );
    this.name = 'NameTakenError';
  }
}

/**
 * nginx refused the server config made from the site's files (`_redirects`, `_headers`) or could not take
 * it; `output` is what nginx said. The site keeps serving what it served before.
 */
export class ServerConfigError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    what: string,
    readonly output: string,
  ) {
    super(`${what}: ${output || 'nginx gave no reason'}`);
    this.name = 'ServerConfigError';
  }
}

/** A tool's output on one line (its last `max` characters), without nginx's notes of success. */
export function outputTail(output: string, max = 600): string {
  const lines = output
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/syntax is ok|test is successful/.test(l));
  const text = lines.join(' | ');
  return text.length > max ? `…${text.slice(-max)}` : text;
}
