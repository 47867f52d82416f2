import type { IncomingMessage, ServerResponse } from 'node:http';
import { unauthenticated } from './errors.js';

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
