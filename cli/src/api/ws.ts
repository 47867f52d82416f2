import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Settings } from '../config.js';
import { CliError } from '../errors.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { connectionFailed } from './http.js';

/** A graphql-ws client of the server (api.md: the bearer in connectionParams), no retries: a drop is reported. */
export function socketClient(settings: Settings): Client {
  return createClient({
    url: `${settings.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${settings.token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * A subscription as an async iterator of its typed data. An error the server sends becomes a CliError with
 * its code; a socket that could not open or closed early becomes CONNECTION_FAILED.
 */
export async function* subscribe<R, V>(
  client: Client,
  url: string,
  doc: TypedDocumentString<R, V>,
  variables: V,
): AsyncGenerator<R> {
  const results = client.iterate<R>({
    query: doc.toString(),
    variables: variables as Record<string, unknown>,
  });
  try {
    for (;;) {
      let next: IteratorResult<{ data?: R | null; errors?: readonly GraphQLErrorLike[] }>;
      try {
        next = await results.next();
      } catch (err) {
        throw socketError(url, err);
      }
      if (next.done) return;
      const { data, errors } = next.value;
      if (errors?.length) throw fromGraphQLError(errors[0]!);
      if (data) yield data;
    }
  } finally {
    await results.return?.();
  }
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

function fromGraphQLError(error: GraphQLErrorLike): CliError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL';
  return new CliError(code, error.message);
}

/** graphql-ws rejects with the server's errors (an array), a CloseEvent, or an Error. */
function socketError(url: string, err: unknown): CliError {
  if (Array.isArray(err) && err.length) return fromGraphQLError(err[0] as GraphQLErrorLike);
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'number') {
    const { code, reason } = err as { code: number; reason?: string };
    if (code === 4401 || code === 4403) return new CliError('UNAUTHENTICATED', reason || 'not authorised');
    return new CliError(
      'CONNECTION_FAILED',
      `the connection to ${url} closed (${code}${reason ? `: ${reason}` : ''})`,
    );
  }
  return connectionFailed(url, err);
}
