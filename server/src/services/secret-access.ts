import { DomainError } from '../domain/errors.js';
import { roleIncludes } from '../domain/principal.js';
import type { Caller } from './scope.js';
import { highestRole } from './scope.js';

/** A change only roles that may set secrets make (api.md: ADMIN sets secrets and deploy keys). */
export class SecretAccessError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(what: string) {
    super(`Your role does not allow ${what}: it takes ADMIN`);
    this.name = 'SecretAccessError';
  }
}

/** Throws unless the caller holds ADMIN (the admin token does; team roles join with accounts). */
export function requireSecretRole(caller: Caller, what: string): void {
  const held = highestRole(caller.principal);
  if (held === null || !roleIncludes(held, 'ADMIN')) throw new SecretAccessError(what);
}
