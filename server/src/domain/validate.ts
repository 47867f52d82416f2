import { isAbsolute } from 'node:path';
import { BadInputError, ConflictError } from './errors.js';
import { isValidHostname } from './hostname.js';
import type { EnvVar } from './model.js';
import { CONTROL_CHARACTER } from './storable-text.js';

export function validateName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new BadInputError('A name holds 1 to 200 characters', 'name');
  }
  // A NUL cannot be stored (it ends the SQL text); tabs, newlines and escapes have no place in a name.
  if (CONTROL_CHARACTER.test(trimmed)) {
    throw new BadInputError('A name must not contain control characters', 'name');
  }
  return trimmed;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ENV_VARS = 100;
const MAX_ENV_VALUE = 32 * 1024;

export function validateEnvVars(vars: readonly EnvVar[]): EnvVar[] {
  if (vars.length > MAX_ENV_VARS) throw new BadInputError(`At most ${MAX_ENV_VARS} variables`, 'envVars');
  const seen = new Set<string>();
  return vars.map(({ name, value }) => {
    if (!ENV_NAME.test(name) || name.length > 256) {
      throw new BadInputError(
        `"${name.slice(0, 64)}" is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*)`,
        'envVars',
      );
    }
    if (seen.has(name)) throw new BadInputError(`The variable ${name} is given twice`, 'envVars');
    seen.add(name);
    if (value.length > MAX_ENV_VALUE || value.includes('\0')) {
      throw new BadInputError(`The value of ${name} is too long or holds a NUL byte`, 'envVars');
    }
    return { name, value };
  });
}

/**
 * Custom hostnames of a site, lowercased. Names under the platform domain are refused: `<other-slug>.<domain>`
 * or a permalink host would let one site take over another's traffic. So are the control plane's own hosts
 * (`reserved`, see controlPlaneHosts). That no other site holds a name is the database's to say
 * (services/site-domains.ts).
 */
export function validateDomains(
  domains: readonly string[],
  platformDomain: string,
  reserved: readonly string[] = [],
): string[] {
  if (domains.length > 20) throw new BadInputError('At most 20 custom domains per site', 'domains');
  const out = domains.map((d) => d.trim().toLowerCase().replace(/\.$/, ''));
  for (const d of out) {
    if (!isValidHostname(d)) {
      throw new BadInputError(`"${d.slice(0, 100)}" is not a valid hostname`, 'domains');
    }
    if (d === platformDomain || d.endsWith(`.${platformDomain}`)) {
      throw new BadInputError(
        `"${d}" is under ${platformDomain}, where every site already has a name`,
        'domains',
      );
    }
    if (reserved.includes(d)) {
      throw new ConflictError(`"${d}" is the host of Launchpad itself (its dashboard and API)`, 'domains');
    }
  }
  return [...new Set(out)];
}

export function validateOutputDir(outputDir: string): string {
  const trimmed =
    outputDir
      .trim()
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '') || '.';
  checkOutputDir(trimmed);
  return trimmed;
}

const MAX_BUILD_COMMAND = 4096;

/** The build command runs as `sh -c` inside the isolated build container; here only its size is bounded. */
export function validateBuildCommand(command: string | null | undefined): string | null {
  const trimmed = command?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > MAX_BUILD_COMMAND || trimmed.includes('\0')) {
    throw new BadInputError(`A build command holds at most ${MAX_BUILD_COMMAND} characters`, 'buildCommand');
  }
  return trimmed;
}

/** Static check of an output dir as typed by the user (the input validator and the pipeline share it). */
export function checkOutputDir(outputDir: string): void {
  const parts = outputDir.split(/[\\/]+/);
  if (
    outputDir.length > 255 ||
    isAbsolute(outputDir) ||
    /^[a-zA-Z]:/.test(outputDir) ||
    parts.includes('..') ||
    outputDir.includes('\0')
  ) {
    throw new BadInputError('The output directory must be a relative path inside the project', 'outputDir');
  }
}
