import type { ApiErrorCode } from '../../contracts/api/errors';

/** Every code the proxy answers is in the contract, so the web has words for each. */
export type ProxyErrorCode = ApiErrorCode;

// Errors are data: every failure the proxy answers carries a stable code from API_ERROR_CODES and
// the HTTP status that goes with it. Route code throws these; the error handler renders the one
// body.
export class ApiError extends Error {
  readonly status: number;
  readonly code: ProxyErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: ProxyErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const unauthenticated = (message = 'A valid bearer token is required.'): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message = 'Your role does not allow this action.'): ApiError =>
  new ApiError(403, 'FORBIDDEN', message);
