import { GraphQLError } from 'graphql';
import { type Role, roleIncludes } from '../domain/principal.js';
import { unauthenticated } from '../http/errors.js';
import { highestRole } from '../services/scope.js';
import type { Context } from './context.js';

/**
 * The scopes fields declare (`authScopes`): `authenticated`, and `role`, the least team role a field needs
 * (api.md: VIEWER reads, DEVELOPER deploys and edits, ADMIN deletes and sees secrets). The admin token
 * holds every role. Whether a principal may touch one particular site is the services' check
 * (services/scope.ts), which answers NOT_FOUND for what it may not see.
 */
export function authScopes(ctx: Context) {
  const held = highestRole(ctx.principal);
  return {
    authenticated: ctx.principal !== null,
    role: (needed: Role) => held !== null && roleIncludes(held, needed),
  };
}

/** Reads (VIEWER), changes (DEVELOPER), destructive changes and secrets (ADMIN). */
export const READ = { role: 'VIEWER' } as const;
export const WRITE = { role: 'DEVELOPER' } as const;
export const MANAGE = { role: 'ADMIN' } as const;

/** Reached only by a request that passed the authentication gate without a principal: answer as the gate does. */
export function unauthorized(_parent: unknown, ctx: Context): GraphQLError {
  return ctx.principal
    ? new GraphQLError('Your role does not allow this', { extensions: { code: 'FORBIDDEN' } })
    : unauthenticated();
}
