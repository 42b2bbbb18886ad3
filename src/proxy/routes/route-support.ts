import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../http/api-error';
import { describedApiError } from '../http/error-handler';
import { illFormedStringPaths } from '../http/ill-formed-strings';
import type { AuditEntry } from '../http/request-log';
import { isJobRef } from '../operations/find-operation';
import type { ProxyContext } from '../operations/proxy-context';
import { isOperationId } from '../storage/operation-names';

function validationFailed(issues: { path: string; message: string }[]): ApiError {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    'The request body does not match the expected shape.',
    { issues },
  );
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const illFormed = illFormedStringPaths(body);
  if (illFormed.length > 0)
    throw validationFailed(
      illFormed.map((path) => ({ path, message: 'not valid Unicode (a lone surrogate)' })),
    );
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw validationFailed(
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}

/**
 * Marks a state-changing route for the per-user limit; max and window come from the plugin options
 * in server.ts.
 */
export const STATE_CHANGING_LIMIT = { rateLimit: {} } as const;

/**
 * Ids from the URL reach the audit only once they have the shape of ours: anything else (an id
 * built of control characters and JSON to forge a line) is dropped and the line says so.
 */
function withCheckedIds(entry: Omit<AuditEntry, 'result'>): Omit<AuditEntry, 'result'> {
  const badJobId = entry.jobId !== undefined && !isJobRef(entry.jobId);
  const badOperationId = entry.operationId !== undefined && !isOperationId(entry.operationId);
  if (!badJobId && !badOperationId) return entry;
  const { jobId, operationId, ...rest } = entry;
  return {
    ...rest,
    ...(badJobId ? {} : { jobId }),
    ...(badOperationId ? {} : { operationId }),
    details: { ...rest.details, idRefused: true },
  };
}

/** Runs a state-changing action and writes exactly one audit line for it, success or failure. */
export async function audited<T>(
  context: ProxyContext,
  request: FastifyRequest,
  unchecked: Omit<AuditEntry, 'result'>,
  work: () => Promise<T>,
  describe: (value: T) => Partial<AuditEntry> = () => ({}),
): Promise<T> {
  const entry = withCheckedIds(unchecked);
  try {
    const value = await work();
    context.audit(request, { ...entry, ...describe(value), result: 'ok' });
    return value;
  } catch (error) {
    const code = describedApiError(error)?.code ?? 'INTERNAL';
    context.audit(request, { ...entry, result: 'failed', details: { ...entry.details, code } });
    throw error;
  }
}
