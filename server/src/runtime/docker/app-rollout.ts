import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { outputTail } from '../errors.js';
import { execOutput } from './exec-output.js';

/**
 * A new server app did not answer its health check (or exited while starting). The site keeps serving the
 * previous app; the message carries the app's last output, so the user sees why.
 */
export class AppUnhealthyError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly reason: string,
    readonly output: string,
  ) {
    const tail = outputTail(output, 1500);
    super(`The app did not become healthy: ${reason}${tail ? `. Its last output: ${tail}` : ''}`);
    this.name = 'AppUnhealthyError';
  }
}

/** How long requests already on the old nginx workers may take before the old app stops anyway. */
const DRAIN_TIMEOUT_MS = 30_000;
const POLL_MS = 200;

/**
 * Waits until nginx's workers of the previous config have exited: a graceful reload leaves them running
 * until the requests (and WebSockets) they hold are done, and those requests still go to the old app.
 * Returns null once they are gone, or why it stopped waiting.
 */
export async function drainOldWorkers(docker: Docker, nginxContainer: string): Promise<string | null> {
  const container = docker.getContainer(nginxContainer);
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ps = await execOutput(docker, container, ['ps', '-o', 'args']).catch(() => null);
    if (ps?.exitCode !== 0) return 'could not list nginx workers; stopped the old app without waiting';
    if (!ps.output.includes('shutting down')) return null;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return `requests still open on the old app after ${DRAIN_TIMEOUT_MS / 1000} s were cut`;
}
