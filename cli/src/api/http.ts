import type { Settings } from '../config.js';
import { CliError } from '../errors.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import { type FilePart, multipartBody } from './multipart.js';

interface GraphQLAnswer<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** yoga's CSRF prevention wants this header on multipart requests (any value; server/src/http/graphql.ts). */
const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * The public GraphQL API over HTTP, with the operations codegen typed. Every failure becomes a CliError
 * carrying the API's `extensions.code`; the token goes in the Authorization header only.
 */
export class Api {
  constructor(readonly settings: Settings) {}

  get endpoint(): string {
    return `${this.settings.url}/graphql`;
  }

  async request<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
    return this.send<R>(JSON.stringify({ query: doc.toString(), variables }), 'application/json');
  }

  /**
   * A multipart request: `files` fills the list variable `filesVariable` part by part (api.md: each part
   * named by its sha256). With no files it still is multipart, whose `operations` may be larger than a JSON
   * body's 1 MiB (a digest deploy's list of tens of thousands of files).
   */
  async multipart<R, V>(
    doc: TypedDocumentString<R, V>,
    variables: V,
    files: readonly FilePart[] = [],
    filesVariable = 'files',
    onBytes?: (n: number) => void,
  ): Promise<R> {
    const vars = files.length ? { ...variables, [filesVariable]: files.map(() => null) } : variables;
    const map = Object.fromEntries(files.map((_, i) => [String(i), [`variables.${filesVariable}.${i}`]]));
    const { contentType, body } = multipartBody(
      { query: doc.toString(), variables: vars },
      map,
      files,
      onBytes,
    );
    return this.send<R>(body, contentType, { [CSRF_HEADER]: '1' });
  }

  private async send<R>(
    body: string | ReadableStream<Uint8Array>,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<R> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          accept: 'application/json',
          authorization: `Bearer ${this.settings.token}`,
          ...headers,
        },
        body,
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      } as RequestInit);
    } catch (err) {
      throw connectionFailed(this.settings.url, err);
    }
    const text = await res.text().catch((err) => {
      throw connectionFailed(this.settings.url, err);
    });
    let answer: GraphQLAnswer<R>;
    try {
      answer = JSON.parse(text) as GraphQLAnswer<R>;
    } catch {
      const code = res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE';
      throw new CliError(code, `${this.settings.url} answered HTTP ${res.status} without a GraphQL answer`);
    }
    return dataOf(answer);
  }
}

/** The data of an answer, or its first error as a CliError with the API's code. */
export function dataOf<R>(answer: GraphQLAnswer<R>): R {
  const error = answer.errors?.[0];
  if (error) {
    const field = error.extensions?.field ? ` (${error.extensions.field})` : '';
    throw new CliError(error.extensions?.code ?? 'INTERNAL', `${error.message}${field}`);
  }
  if (!answer.data) throw new CliError('BAD_RESPONSE', 'the server answered without data');
  return answer.data;
}

export function connectionFailed(url: string, err: unknown): CliError {
  // fetch says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in its cause.
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (err as Error).message;
  return new CliError('CONNECTION_FAILED', `cannot reach ${url}: ${why}`);
}
