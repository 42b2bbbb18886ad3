import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from '../auth/authenticate';
import type { BearerVerifier } from '../auth/bearer-verifier';
import { ApiError } from './api-error';
import { asApiError, sendApiError } from './error-handler';
import type { ProxyLog } from './request-log';
import type { SecurityHeadersFor } from './security-headers';

// Fastify answers a URL its router cannot decode (a bad `%` escape) or a parameter over
// maxParamLength itself, before any hook runs: no envelope, no security headers, and a 400 or 414
// to an anonymous caller that says something about our routes. This answers those the way every
// other error is answered: an /api caller without a valid token gets 401 first, everyone gets
// the one error body, the security headers and a request id, and the request is logged.

export interface FrameworkErrorDeps {
  verify: BearerVerifier;
  headersFor: SecurityHeadersFor;
  log: ProxyLog;
}

function describe(error: FastifyError): ApiError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    // No id of ours is that long, so nothing by that name exists.
    return new ApiError(404, 'NOT_FOUND', 'No such resource.');
  if (error.code === 'FST_ERR_BAD_URL')
    return new ApiError(400, 'VALIDATION_FAILED', 'The URL is not valid percent-encoding.');
  return new ApiError(400, 'VALIDATION_FAILED', 'The request could not be routed.');
}

async function answer(
  deps: FrameworkErrorDeps,
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const started = performance.now();
  const urlPath = request.url.split('?')[0] ?? '';
  let apiError = describe(error);
  if (isApiPath(urlPath)) {
    try {
      await deps.verify(request.headers.authorization);
    } catch (authError) {
      apiError = asApiError(authError);
    }
  }
  reply.headers({ ...deps.headersFor(urlPath), 'x-request-id': request.id });
  await sendApiError(request, reply, apiError);
  deps.log({
    level: 'info',
    msg: 'request',
    requestId: request.id,
    method: request.method,
    path: urlPath,
    route: undefined,
    status: apiError.status,
    ms: Math.round(performance.now() - started),
    frameworkError: error.code,
  });
}

export function frameworkErrorHandler(
  deps: FrameworkErrorDeps,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    answer(deps, error, request, reply).catch(() => reply.raw.destroy());
  };
}
