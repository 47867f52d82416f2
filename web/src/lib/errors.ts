import type { CombinedError } from '@urql/core';
import { ErrorCode as ApiErrorCode } from '../gql/graphql';

/**
 * The API's codes (the schema's ErrorCode enum, through codegen), plus two the dashboard adds: NETWORK (no
 * answer) and ABORTED (the user cancelled an upload).
 */
export type ErrorCode = ApiErrorCode | 'NETWORK' | 'ABORTED';

/** A failed operation, in the shape every caller handles: a code, a message, the input field at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface WireError {
  message: string;
  extensions?: { code?: unknown; field?: unknown } | Record<string, unknown>;
}

const KNOWN = new Set<string>(Object.values(ApiErrorCode));

/** The first GraphQL error of a response as an ApiError. */
export function fromGraphQLErrors(errors: readonly WireError[]): ApiError {
  const first = errors[0] ?? { message: 'Unknown error' };
  const code = String(first.extensions?.code ?? 'INTERNAL');
  const field = first.extensions?.field;
  return new ApiError(
    first.message,
    KNOWN.has(code) ? (code as ErrorCode) : 'INTERNAL',
    typeof field === 'string' ? field : undefined,
  );
}

export function fromCombinedError(error: CombinedError): ApiError {
  if (error.graphQLErrors.length > 0) return fromGraphQLErrors(error.graphQLErrors);
  const status = (error.response as Response | undefined)?.status;
  if (status === 413) return new ApiError('The upload is too large', 'PAYLOAD_TOO_LARGE');
  if (status === 401) return new ApiError('The token was not accepted', 'UNAUTHENTICATED');
  return new ApiError('Launchpad does not answer; check that it is running', 'NETWORK');
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(err instanceof Error ? err.message : String(err), 'INTERNAL');
}

/**
 * Where a form shows an error: beside the field at fault when the form has that field (`shown`),
 * else at the top of the form.
 */
export function placeError(
  err: ApiError | null | undefined,
  shown: readonly string[],
): { field?: string; general?: string; message?: string } {
  if (!err) return {};
  if (err.field && shown.includes(err.field)) return { field: err.field, message: err.message };
  return { general: err.message };
}
