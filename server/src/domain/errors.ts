/**
 * Errors a user can act on: what services throw and what a failed deploy reports. The message is written for
 * the user and shown as it is (the API's `extensions.code` and `field`, a deploy's `error`); anything else is
 * logged and masked. Only the API layer (server/src/http/errors.ts, maskError) turns them into GraphQL errors,
 * so the domain never depends on the API.
 */
/**
 * Every code an API error carries in `extensions.code` (api.md), listed once: the schema's ErrorCode enum,
 * the API's error masking and, through codegen, the dashboard all take them from here.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** The input field at fault, when there is one. */
  readonly field?: string;
}

/** Input a user can fix; `field` names the input field at fault when there is one. */
export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    override readonly field?: string,
  ) {
    super(message);
    this.name = 'BadInputError';
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    message: string,
    override readonly field?: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(
    message: string,
    override readonly field?: string,
  ) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/** The Docker engine (or another external system we depend on) cannot be reached. */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}

/** A known object, but the principal's role on its team is too small (api.md). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** No valid credentials, or credentials of the wrong kind for this operation (a token changing a password). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Too many attempts: try again in `retryAfterSeconds` (sent as `extensions.retryAfter`). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}
