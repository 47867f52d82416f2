import { type AnyVariables, stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { authHeader } from './auth';
import { noticeError } from './client';
import { ApiError, fromGraphQLErrors } from './errors';

export interface Progress {
  loaded: number;
  total: number;
  /** 0–100, whole numbers */
  percent: number;
}

export interface UploadRequest<Data, Variables extends AnyVariables> {
  document: TypedDocumentNode<Data, Variables>;
  /** Variables; the value at `filePath` is replaced by the file. */
  variables: Variables;
  /** Where the file goes in the variables, dotted: "input.file" or "file". */
  filePath: string;
  file: File;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/**
 * A GraphQL multipart request (operations, map, one file part) over XHR, the one browser API that
 * reports upload progress. Resolves with the data; rejects with an ApiError.
 */
export function upload<Data, Variables extends AnyVariables>(
  req: UploadRequest<Data, Variables>,
): Promise<Data> {
  const variables = withNull(req.variables, req.filePath);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: stringifyDocument(req.document), variables }));
  form.append('map', JSON.stringify({ 0: [`variables.${req.filePath}`] }));
  form.append('0', req.file, req.file.name);

  return new Promise<Data>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const fail = (error: ApiError) => {
      noticeError(error);
      reject(error);
    };
    xhr.open('POST', '/graphql');
    const authorization = authHeader();
    if (authorization) xhr.setRequestHeader('authorization', authorization);
    // Yoga's CSRF prevention: a multipart form is a "simple" request unless it carries this header.
    xhr.setRequestHeader('x-graphql-yoga-csrf', '1');
    xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      req.onProgress?.({ loaded: e.loaded, total: e.total, percent: Math.floor((e.loaded / e.total) * 100) });
    };
    xhr.onerror = () => fail(new ApiError('The upload did not reach Launchpad', 'NETWORK'));
    xhr.onabort = () => reject(new ApiError('Upload cancelled', 'ABORTED'));
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (body?.errors?.length) return fail(fromGraphQLErrors(body.errors));
      if (xhr.status === 413)
        return fail(new ApiError('The archive is too large', 'PAYLOAD_TOO_LARGE', 'file'));
      if (xhr.status >= 400 || !body?.data) {
        return fail(
          new ApiError(
            `Launchpad answered ${xhr.status}`,
            xhr.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
          ),
        );
      }
      resolve(body.data as Data);
    };
    req.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function parse(text: string): Body | null {
  try {
    return JSON.parse(text) as Body;
  } catch {
    return null;
  }
}

function withNull<V>(variables: V, path: string): V {
  const copy = structuredClone(variables) as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = null;
  return copy as V;
}
