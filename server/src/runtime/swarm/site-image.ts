import type Docker from 'dockerode';
import { DomainError } from '../../domain/errors.js';
import { outputTail } from '../errors.js';
import { engineError, isNotFound } from '../images.js';
import type { RuntimeLog } from '../ports.js';

/** The repository of a site's images in the registry: `<registry>/launchpad/<slug>`. */
export const siteRepository = (registry: string, slug: string) => {
  if (!/^[a-z0-9](-?[a-z0-9])*$/.test(slug)) throw new Error(`Refusing the slug ${slug}`);
  return `${registry}/launchpad/${slug}`;
};
/** One deploy's image: `<registry>/launchpad/<slug>:<deployId>` (api.md, "Scale-out"). */
export const siteImage = (registry: string, slug: string, deployId: string) => {
  if (!/^[0-9a-f]{24}$/.test(deployId)) throw new Error(`Refusing the deploy id ${deployId}`);
  return `${siteRepository(registry, slug)}:${deployId}`;
};

/** The engine refused to build a deploy's image; the output says why (a base image it lacks, a full disk). */
export class ImageBuildError extends DomainError {
  readonly code = 'INTERNAL';
  constructor(detail: string) {
    super(`The site image could not be built: ${detail}`);
    this.name = 'ImageBuildError';
  }
}

/** The registry refused or could not be reached: every Swarm node pulls from it, so the deploy stops here. */
export class ImagePushError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor(registry: string, detail: string) {
    super(
      `The site image could not be pushed to the registry ${registry} (${detail}). ` +
        'Check that LAUNCHPAD_REGISTRY is reachable from the Docker engine and accepts pushes.',
    );
    this.name = 'ImagePushError';
  }
}

interface ProgressEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  /** The push's last event: the digest the registry stored the manifest under. */
  aux?: { Digest?: string };
}

/** Reads an engine progress stream to its end; rejects with the first error event in it. */
function follow(docker: Docker, stream: NodeJS.ReadableStream, onEvent: (e: ProgressEvent) => void) {
  return new Promise<void>((resolve, reject) => {
    let failed: string | null = null;
    docker.modem.followProgress(
      stream,
      (err: Error | null) => {
        if (err) reject(err);
        else if (failed !== null) reject(new Error(failed));
        else resolve();
      },
      (event: ProgressEvent) => {
        if (event.error || event.errorDetail) failed ??= event.errorDetail?.message ?? event.error ?? 'error';
        onEvent(event);
      },
    );
  });
}

/**
 * Builds `tag` from the context folder (only `entries` are sent; the Dockerfile sets the labels), writing the
 * engine's step lines to the deploy log, then pushes it to the registry. Returns the reference pinned to the
 * pushed digest (`repo:tag@sha256:…`): a service names that, so a rebuilt tag (same deploy, new settings)
 * still changes the service's spec and rolls its task, and every node runs exactly the pushed bytes.
 */
export async function buildAndPush(
  docker: Docker,
  opts: {
    context: string;
    entries: string[];
    repository: string;
    tag: string;
    registry: string;
    log: RuntimeLog;
  },
): Promise<string> {
  const image = `${opts.repository}:${opts.tag}`;
  const output: string[] = [];
  try {
    // pull: false: the base image is local (stand-ins offline) or already pulled by ensureImage.
    const stream = await docker.buildImage(
      { context: opts.context, src: opts.entries },
      { t: image, rm: true, forcerm: true, pull: false },
    );
    await follow(docker, stream, (e) => {
      const line = e.stream?.trimEnd();
      if (line) {
        output.push(line);
        if (/^Step \d+\/\d+/.test(line)) opts.log.system(`image: ${line}`);
      }
    });
  } catch (err) {
    const engine = engineError(err);
    if (engine instanceof DomainError) throw engine;
    throw new ImageBuildError(outputTail([...output, engine.message].join('\n'), 400));
  }
  opts.log.system(`image built: ${image}; pushing it to ${opts.registry}`);
  try {
    const stream = await docker.getImage(opts.repository).push({ tag: opts.tag });
    let digest: string | null = null;
    await follow(docker, stream, (e) => {
      if (e.aux?.Digest) digest = e.aux.Digest;
    });
    if (!digest) throw new Error('the registry reported no digest');
    return `${image}@${digest}`;
  } catch (err) {
    const engine = engineError(err);
    if (engine instanceof DomainError) throw engine;
    await removeLocalImage(docker, image);
    throw new ImagePushError(opts.registry, outputTail(engine.message, 300));
  }
}

/** Removes the engine's copy of `image` (a tag); a missing one is no error. */
export async function removeLocalImage(docker: Docker, image: string): Promise<void> {
  await docker
    .getImage(image)
    .remove({ force: false, noprune: false })
    .catch((err) => {
      // 404: gone already. 409: a container still uses it (a task being shut down); the next cleanup takes it.
      const status = (err as { statusCode?: number }).statusCode;
      if (!isNotFound(err) && status !== 409) throw engineError(err);
    });
}
