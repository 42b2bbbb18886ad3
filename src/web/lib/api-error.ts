import { API_ERROR_CODES } from '../../contracts/api';
import type { ApiErrorCode } from '../../contracts/api';

/**
 * Codes the client itself produces: when no proxy error body is available, or when the body names
 * a code this build of the console does not know (a server newer than the page).
 */
export const CLIENT_ERROR_CODES = [
  'NETWORK_ERROR',
  'UNEXPECTED_RESPONSE',
  'SIGN_IN_REQUIRED',
  'UNKNOWN_SERVER_CODE',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type ErrorCode = ApiErrorCode | ClientErrorCode;

export type ApiErrorInit = {
  message: string;
  status: number;
  requestId?: string | undefined;
  details?: Record<string, unknown> | undefined;
} & (
  | { code: Exclude<ErrorCode, 'UNKNOWN_SERVER_CODE'> }
  /** The code the server sent is kept apart, so `code` stays one the UI has words for. */
  | { code: 'UNKNOWN_SERVER_CODE'; serverCode: string }
);

const KNOWN_SERVER_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return KNOWN_SERVER_CODES.has(code);
}

/** A failed call to the proxy, as data: the stable code decides what the UI says. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The server's own code when it is none of API_ERROR_CODES (code is UNKNOWN_SERVER_CODE). */
  readonly serverCode: string | undefined;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.serverCode = init.code === 'UNKNOWN_SERVER_CODE' ? init.serverCode : undefined;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

/** The job id a JOB_SLOT_BUSY error names in details.activeJobId, if any. */
export function activeJobIdOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'JOB_SLOT_BUSY') return null;
  const id = error.details?.['activeJobId'];
  return typeof id === 'string' ? id : null;
}
