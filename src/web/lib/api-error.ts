import type { ApiErrorCode } from '../../contracts/api';

/** Codes the client itself produces when no proxy error body is available. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE' | 'SIGN_IN_REQUIRED';

export type ErrorCode = ApiErrorCode | ClientErrorCode;

export interface ApiErrorInit {
  code: ErrorCode | string;
  message: string;
  status: number;
  requestId?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** A failed call to the proxy, as data: the stable code decides what the UI says. */
export class ApiError extends Error {
  readonly code: ErrorCode | string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
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
