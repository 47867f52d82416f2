import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DocumentNode, getOperationAST } from 'graphql';
import { unauthenticated } from './errors.js';

/**
 * The only operations a request without a principal may run: the ones that make one. Everything else is
 * refused before its body is read (below), or, for these, before it executes (graphql.ts).
 */
export const PUBLIC_MUTATIONS: ReadonlySet<string> = new Set(['signUp', 'signIn', 'signOut']);

/**
 * The only query a request without a principal may run: the sign-in page's provider buttons (names and
 * labels from the configuration; nothing about any account, team or site).
 */
export const PUBLIC_QUERIES: ReadonlySet<string> = new Set(['authProviders']);

/** The largest body a request without a principal may send: an e-mail, a password, a name, an invitation. */
export const ANONYMOUS_BODY_BYTES = 8 * 1024;

/**
 * Whether a request without a principal may have its body read at all: a JSON POST that declares its
 * length, at most ANONYMOUS_BODY_BYTES (Node's parser never reads past a declared length, so the cap holds
 * without counting). Uploads, chunked bodies and anything larger are refused unread, as before accounts.
 */
export function mayReadAnonymous(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) return false;
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined || length === undefined || !/^\d+$/.test(length))
    return false;
  return Number(length) <= ANONYMOUS_BODY_BYTES;
}

/**
 * True when the operation is a mutation whose every root field is public (signUp, signIn, signOut), or a
 * query whose every root field is (authProviders). No fragments, no aliases: the names read are the fields run.
 */
export function isPublicOperation(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName ?? undefined);
  const allowed =
    operation?.operation === 'mutation'
      ? PUBLIC_MUTATIONS
      : operation?.operation === 'query'
        ? PUBLIC_QUERIES
        : null;
  if (!allowed || !operation) return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === 'Field' && allowed.has(s.name.value) && !s.alias,
  );
}

/** GraphiQL's page (a GET that accepts HTML): yoga renders it without reading or running any query. */
export function isGraphiQLPage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

const BODY = JSON.stringify({
  errors: [{ message: unauthenticated().message, extensions: { code: 'UNAUTHENTICATED' } }],
});

/**
 * Answers 401 at once, without reading the body. The rest of the body is discarded as it arrives (so the
 * client can read the answer and keep its connection) up to `drainBytes`; past that the connection is cut.
 */
export function refuseUnauthenticated(req: IncomingMessage, res: ServerResponse, drainBytes: number): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > drainBytes) req.socket.destroy();
  });
  res.writeHead(401, {
    'content-type': 'application/json; charset=utf-8',
    'www-authenticate': 'Bearer',
    'cache-control': 'no-store',
  });
  res.end(BODY);
}
