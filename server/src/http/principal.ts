import type { IncomingMessage } from 'node:http';
import { readCookie, SESSION_COOKIE } from '../accounts/cookies.js';
import { sessionPrincipal, tokenPrincipal } from '../accounts/principals.js';
import { isApiToken } from '../accounts/secrets.js';
import type { Orm } from '../db/orm.js';
import { ADMIN, type Principal } from '../domain/principal.js';
import { bearerMatches } from './admin-token.js';

/** What a request or a graphql-ws connection presents. */
export interface Credentials {
  /** The Authorization header, or graphql-ws `connectionParams.authorization`. */
  authorization?: unknown;
  /** The session cookie's secret, when the request may use it (see `sessionSecretOf`). */
  sessionSecret?: string | null;
}

/**
 * Turns credentials into a principal (null: none valid). Called once per HTTP request and once per
 * graphql-ws operation, so a revoked token or an ended session is refused at its next use. A bearer wins
 * over the cookie: a script's token means what it says even in a browser that has a session.
 */
export type PrincipalResolver = (credentials: Credentials) => Promise<Principal | null>;

export function principalResolver(adminToken: string, orm: Orm): PrincipalResolver {
  return async ({ authorization, sessionSecret }) => {
    const header = typeof authorization === 'string' ? authorization : null;
    if (header !== null) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (bearer && isApiToken(bearer)) return tokenPrincipal(orm.em.fork(), bearer, new Date());
      return bearerMatches(header, adminToken) ? ADMIN : null;
    }
    return sessionSecret ? sessionPrincipal(orm.em.fork(), sessionSecret, new Date()) : null;
  };
}

/**
 * The session cookie of a request, if the request may be authenticated by it. Cookies ride along with
 * requests other sites make (Launchpad's own sites are same-site with the dashboard: `<slug>.<domain>`),
 * so a cookie counts only when the request's Origin is this server's (the host it was sent to, or the
 * public URL). Browsers send Origin with every POST and WebSocket handshake; a GET without one is a
 * same-origin navigation or fetch, and a GET only runs queries.
 */
export function sessionSecretOf(req: IncomingMessage, publicUrl: string | null): string | null {
  const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (!secret) return null;
  const origin = req.headers.origin;
  if (origin === undefined) return req.method === 'GET' && !isWebSocket(req) ? secret : null;
  return sameOrigin(origin, req.headers.host, publicUrl) ? secret : null;
}

function isWebSocket(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

/** True when `origin` is the host the request was sent to or the configured public URL's origin. */
export function sameOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  if (publicUrl) {
    try {
      return url.origin === new URL(publicUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}
