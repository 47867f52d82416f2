import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface BodyLimits {
  /** JSON, GET-less query strings, form-encoded: a query and its variables. */
  jsonBytes: number;
  /** multipart/form-data: an upload (the file's own limit is LAUNCHPAD_MAX_UPLOAD_MB) plus its fields. */
  multipartBytes: number;
}

/** A query and its variables; the dashboard's largest request is a few kB. */
export const JSON_BODY_BYTES = 1024 * 1024;

/** Room for the `operations` and `map` fields and the part headers around an upload. */
export const MULTIPART_OVERHEAD_BYTES = 2 * 1024 * 1024;

/**
 * Caps the request body by kind before yoga parses it: a declared Content-Length over the cap is refused
 * without reading a byte, a chunked body is cut off at the cap. Replaces yoga's single limit (25 MB for
 * everything), which refused uploads below LAUNCHPAD_MAX_UPLOAD_MB and let a query body be 25 MB.
 */
export function useRequestBodyLimits(limits: BodyLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/');
      const limit = multipart ? limits.multipartBytes : limits.jsonBytes;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) throw badLength();
        if (Number(declared) > limit) throw tooLarge(limit);
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(capped(req, limit, fetchAPI)));
    },
  };
}

type FetchAPI = Parameters<NonNullable<Plugin['onRequestParse']>>[0]['fetchAPI'];

function capped(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  // The native TransformStream for a native body, the ponyfill's for the ponyfill's (yoga does the same).
  const Transform =
    request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let seen = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    duplex: 'half',
  } as RequestInit);
}

function tooLarge(limit: number) {
  return new GraphQLError(`Request body over ${limit} bytes`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
  });
}

function badLength() {
  return new GraphQLError('Content-Length header is invalid', {
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}
