import { GraphQLError } from 'graphql';
import { DomainError, ERROR_CODES, RateLimitedError } from '../domain/errors.js';

/**
 * Turns every error leaving the API into one with an `extensions.code` from api.md. Domain errors keep
 * their message (it was written for the user); anything unexpected is logged and masked as INTERNAL.
 */
export function maskError(error: unknown): Error {
  const graphqlError = error instanceof GraphQLError ? error : null;
  const original = graphqlError?.originalError ?? error;
  if (original instanceof DomainError) {
    const field = (original as { field?: string }).field;
    return new GraphQLError(original.message, {
      nodes: graphqlError?.nodes,
      path: graphqlError?.path,
      extensions: {
        code: original.code,
        ...(field ? { field } : {}),
        ...(original instanceof RateLimitedError ? { retryAfter: original.retryAfterSeconds } : {}),
      },
    });
  }
  // Errors the schema layer raised on purpose, or GraphQL's and yoga's own request errors.
  if (original instanceof GraphQLError) return withCode(original);
  if (graphqlError && !graphqlError.originalError) return withCode(graphqlError);
  const limit = tooLargeMessage(original);
  if (limit)
    return new GraphQLError(limit, { extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } } });
  console.error('unexpected error:', original);
  return new GraphQLError('Internal server error', {
    nodes: graphqlError?.nodes,
    path: graphqlError?.path,
    extensions: { code: 'INTERNAL' },
  });
}

/** Codes the API documents (api.md); yoga's own names for the same things are translated. */
const API_CODES = new Set<string>(ERROR_CODES);

function withCode(error: GraphQLError): GraphQLError {
  if (API_CODES.has(error.extensions.code as string)) return error;
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  const code = status === 403 ? 'FORBIDDEN' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT';
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function tooLargeMessage(err: unknown): string | null {
  const message = err instanceof Error ? err.message : '';
  return /size limit exceeded|limit exceeded/i.test(message) ? `Upload rejected: ${message}` : null;
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in, or send a valid token (Authorization: Bearer <token>)', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}
