import { ADMIN, type Principal } from '../domain/principal.js';
import { bearerMatches } from './admin-token.js';

/** What a request or a graphql-ws connection presents: the Authorization header or connectionParams. */
export interface Credentials {
  authorization?: unknown;
}

/**
 * Turns credentials into a principal (null: none valid). Called once per HTTP request and once per
 * graphql-ws connection (at connection_init); async because session cookies and API tokens, which come
 * next, are looked up in the database.
 */
export type PrincipalResolver = (credentials: Credentials) => Promise<Principal | null>;

export function principalResolver(adminToken: string): PrincipalResolver {
  return async ({ authorization }) => {
    const header = typeof authorization === 'string' ? authorization : null;
    return bearerMatches(header, adminToken) ? ADMIN : null;
  };
}
