import type Docker from 'dockerode';
import { DomainError, UnavailableError } from '../domain/errors.js';

/** The operator can act on it: load the image, or point the setting at one the engine has. */
export class ImageUnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor(
    readonly image: string,
    cause: unknown,
  ) {
    super(
      `Docker image "${image}" is not on this engine and could not be pulled (${describe(cause)}). ` +
        'On a host without a registry, run scripts/make-local-images.sh to build local stand-ins, ' +
        'or point LAUNCHPAD_STATIC_IMAGE / LAUNCHPAD_BUILD_IMAGE at an image the engine has.',
    );
    this.name = 'ImageUnavailableError';
  }
}

/**
 * Makes sure `image` is on the engine: inspect first and pull only when it is missing, so an image that
 * was loaded or built locally is used as it is even where pulls fail (offline hosts).
 */
export async function ensureImage(docker: Docker, image: string): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch (err) {
    if (!isNotFound(err)) throw engineError(err);
  }
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
    );
    await docker.getImage(image).inspect();
  } catch (err) {
    throw new ImageUnavailableError(image, err);
  }
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number } | null)?.statusCode === 404;
}

/** Connection-level failures (socket missing, refused) mean the engine is down, not that a call was bad. */
export function engineError(err: unknown): Error {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'EACCES' || code === 'ECONNRESET') {
    return new UnavailableError(`The Docker engine cannot be reached (${code}). Is dockerd running?`);
  }
  return err instanceof Error ? err : new Error(String(err));
}

function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}
