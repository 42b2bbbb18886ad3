import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../contracts/api/errors';
import { ApiError } from './api-error';
import { storageErrorToApiError } from './storage-errors';
import { StorageError } from '../storage/storage-error';
import type { ProxyLog } from './request-log';

// Every failure leaves as `{ error: { code, message, requestId, details? } }`, including Fastify's
// own (body too large, bad JSON, unsupported media type) and the rate limiter's.

export function errorBody(request: FastifyRequest, error: ApiError): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      requestId: request.id,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

export function sendApiError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ApiError,
): FastifyReply {
  if (error.status === 401) reply.header('www-authenticate', 'Bearer error="invalid_token"');
  const retryAfter = error.details?.retryAfterSeconds;
  if (error.status === 429 && typeof retryAfter === 'number')
    reply.header('retry-after', String(retryAfter));
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send(errorBody(request, error));
}

/** The answer for a failure the proxy's own code described (its ApiError, a storage failure). */
export function describedApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof StorageError) return storageErrorToApiError(error);
  return undefined;
}

export function asApiError(error: unknown): ApiError {
  const described = describedApiError(error);
  if (described) return described;
  const status = (error as FastifyError | undefined)?.statusCode;
  if (status === 413)
    return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (status === 429) return new ApiError(429, 'RATE_LIMITED', 'Too many requests; slow down.');
  if (status === 415 || status === 400)
    return new ApiError(
      400,
      'VALIDATION_FAILED',
      'The request body is not valid JSON of the expected type.',
    );
  return new ApiError(500, 'INTERNAL', 'Unexpected error.');
}

export function installErrorHandler(app: FastifyInstance, log: ProxyLog): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = asApiError(error);
    if (apiError.status >= 500 && describedApiError(error) === undefined) {
      log({
        level: 'error',
        msg: 'unhandled error',
        requestId: request.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return sendApiError(request, reply, apiError);
  });
}
