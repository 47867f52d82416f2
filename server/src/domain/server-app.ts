import { BadInputError } from './errors.js';
import type { Site, SiteKind } from './model.js';
import { CONTROL_CHARACTER } from './storable-text.js';

/** api.md "Server apps": what a SERVER site runs when its settings leave a field out. */
export const SERVER_DEFAULTS = { port: 3000, healthCheckPath: '/', startCommand: 'npm start' } as const;

const MAX_START_COMMAND = 4096;
const MAX_HEALTH_PATH = 1024;
/** Docker's own grammar for a reference is wider; this is the subset config.ts accepts for its images. */
const IMAGE_REFERENCE = /^[a-z0-9]+(?:[._/:@-][a-zA-Z0-9_.-]+)*$/;

export type ServerAppFields = Pick<Site, 'startCommand' | 'port' | 'healthCheckPath' | 'runtimeImage'>;

export interface ServerAppInput {
  startCommand?: string | null;
  port?: number | null;
  healthCheckPath?: string | null;
  runtimeImage?: string | null;
}

/** The app fields of a new site: defaults filled in for SERVER, all null (and none accepted) for STATIC. */
export function newServerAppFields(
  kind: SiteKind,
  input: ServerAppInput,
  buildImage: string,
): ServerAppFields {
  if (kind === 'STATIC') {
    const given = (['startCommand', 'port', 'healthCheckPath', 'runtimeImage'] as const).find(
      (f) => input[f] != null,
    );
    if (given) throw new BadInputError('Only a SERVER site runs an app', given);
    return { startCommand: null, port: null, healthCheckPath: null, runtimeImage: null };
  }
  return {
    startCommand: validateStartCommand(input.startCommand ?? SERVER_DEFAULTS.startCommand),
    port: validateAppPort(input.port ?? SERVER_DEFAULTS.port),
    healthCheckPath: validateHealthCheckPath(input.healthCheckPath ?? SERVER_DEFAULTS.healthCheckPath),
    runtimeImage: validateRuntimeImage(input.runtimeImage ?? buildImage),
  };
}

/** The app fields an update changes; refused on a STATIC site. */
export function serverAppPatch(kind: SiteKind, input: ServerAppInput): Partial<ServerAppFields> {
  const patch: Partial<ServerAppFields> = {};
  if (input.startCommand != null) patch.startCommand = validateStartCommand(input.startCommand);
  if (input.port != null) patch.port = validateAppPort(input.port);
  if (input.healthCheckPath != null) patch.healthCheckPath = validateHealthCheckPath(input.healthCheckPath);
  if (input.runtimeImage != null) patch.runtimeImage = validateRuntimeImage(input.runtimeImage);
  const first = Object.keys(patch)[0];
  if (kind === 'STATIC' && first) throw new BadInputError('Only a SERVER site runs an app', first);
  return patch;
}

/**
 * The start command runs as `sh -c` inside the app container (never a shell on the host), so any shell
 * text is fine there; it is one line of bounded size because it is shown in the dashboard and logs.
 */
export function validateStartCommand(command: string): string {
  const trimmed = command.trim();
  if (trimmed === '' || trimmed.length > MAX_START_COMMAND) {
    throw new BadInputError(`A start command holds 1 to ${MAX_START_COMMAND} characters`, 'startCommand');
  }
  if (CONTROL_CHARACTER.test(trimmed.replaceAll('\t', ' '))) {
    throw new BadInputError('A start command is one line without control characters', 'startCommand');
  }
  return trimmed;
}

/** Any port of the app's own network namespace; 80 is nginx's in the site container, so refused to avoid confusion. */
export function validateAppPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BadInputError('The port is a whole number from 1 to 65535', 'port');
  }
  if (port === 80) {
    throw new BadInputError(
      'Port 80 is the front door of every site (nginx); let the app listen on another port, such as 3000',
      'port',
    );
  }
  return port;
}

/** A path the health check requests: absolute, printable ASCII without spaces (it goes into a request line). */
export function validateHealthCheckPath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith('/') || trimmed.length > MAX_HEALTH_PATH || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new BadInputError(
      'The health check path starts with / and holds printable characters only (no spaces)',
      'healthCheckPath',
    );
  }
  return trimmed;
}

export function validateRuntimeImage(image: string): string {
  const trimmed = image.trim();
  if (trimmed.length > 255 || !IMAGE_REFERENCE.test(trimmed)) {
    throw new BadInputError(
      `"${trimmed.slice(0, 100)}" is not an image reference (such as node:20-alpine)`,
      'runtimeImage',
    );
  }
  return trimmed;
}
