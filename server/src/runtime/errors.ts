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
 * nginx refused the server config made from the site's files (`_redirects`, `_headers`); `output` is what
 * nginx said. The site keeps serving what it served before; the user changes the files.
 */
export class ConfigRefusedError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly output: string) {
    super(`nginx refused the server config made for this deploy: ${output || 'nginx gave no reason'}`);
    this.name = 'ConfigRefusedError';
  }
}

/**
 * The site's running nginx could not take a config that `nginx -t` accepted (its container is stopped,
 * restarting, or broken); `output` is what nginx or the engine said. It keeps serving the previous config;
 * the operator looks at the container.
 */
export class ReloadFailedError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor(
    exitCode: number | null,
    readonly output: string,
  ) {
    super(
      `nginx reload failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${output || 'nginx gave no reason'}`,
    );
    this.name = 'ReloadFailedError';
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
