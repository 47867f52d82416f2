import type { Client } from 'graphql-ws';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './harness.js';

/** How a test request authenticates: a session cookie, a bearer token, or nothing. */
export type As = { cookie: string } | { token: string } | null;

export interface Answer<T = Record<string, any>> extends GraphQLResponse<T> {
  status: number;
  setCookie: string[];
}

/**
 * A GraphQL POST as a browser or a script sends it. Cookie requests carry the server's own Origin, as a
 * browser's same-origin fetch does (the server ignores the cookie otherwise; `origin` overrides it).
 */
export async function gqlAs<T = Record<string, any>>(
  url: string,
  as: As,
  query: string,
  variables: Record<string, unknown> = {},
  origin: string | null = url,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as && 'cookie' in as) {
    headers.cookie = as.cookie;
    if (origin) headers.origin = origin;
  }
  if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GraphQLResponse<T>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { ...body, status: res.status, setCookie: res.headers.getSetCookie() };
}

/** `name=value` of the session cookie an answer set (for the next request's Cookie header). */
export function sessionCookieOf(answer: Answer): string {
  const header = answer.setCookie.find((c) => c.startsWith('launchpad_session='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(answer)}`);
  return header.split(';')[0]!;
}

export const SIGN_UP =
  'mutation($email: String!, $password: String!, $invitation: String) { signUp(email: $email, password: $password, invitation: $invitation) { id email } }';
export const SIGN_IN =
  'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id email } }';

/** Signs up (with an invitation token when given) and returns the user id and the session cookie. */
export async function signUp(
  url: string,
  email: string,
  password: string,
  invitation: string | null = null,
): Promise<{ userId: string; cookie: string }> {
  const answer = await gqlAs<{ signUp: { id: string } }>(url, null, SIGN_UP, { email, password, invitation });
  if (answer.errors) throw new Error(`signUp ${email}: ${JSON.stringify(answer.errors)}`);
  return { userId: answer.data!.signUp.id, cookie: sessionCookieOf(answer) };
}

/** The token in an invitation link (`<public url>/invite#<token>`). */
export function invitationToken(url: string): string {
  return url.slice(url.indexOf('#') + 1);
}

/** A graphql-ws client authenticated by a token (connectionParams) or a cookie (upgrade request headers). */
export function wsAs(url: string, as: As, origin: string = url): Client {
  const headers: Record<string, string> = as && 'cookie' in as ? { cookie: as.cookie, origin } : {};
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WithHeaders,
    connectionParams: as && 'token' in as ? { authorization: `Bearer ${as.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** The first result (data or errors) of one operation on `client`. */
export function firstResult<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return new Promise((resolve, reject) => {
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (msg) => {
          resolve(msg as GraphQLResponse<T>);
          stop();
        },
        error: (err) => resolve({ errors: (Array.isArray(err) ? err : [err]) as never }),
        complete: () => reject(new Error('completed without a result')),
      },
    );
  });
}

export const codeOf = (answer: GraphQLResponse): string | undefined => answer.errors?.[0]?.extensions?.code;
