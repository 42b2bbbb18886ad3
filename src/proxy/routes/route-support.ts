import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../http/api-error';
import type { AuditEntry } from '../http/request-log';
import type { ProxyContext } from '../operations/proxy-context';

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'The request body does not match the expected shape.',
      {
        issues: result.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      },
    );
  }
  return result.data;
}

/**
 * Marks a state-changing route for the per-user limit; max and window come from the plugin options
 * in server.ts.
 */
export const STATE_CHANGING_LIMIT = { rateLimit: {} } as const;

/** Runs a state-changing action and writes exactly one audit line for it, success or failure. */
export async function audited<T>(
  context: ProxyContext,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'result'>,
  work: () => Promise<T>,
  describe: (value: T) => Partial<AuditEntry> = () => ({}),
): Promise<T> {
  try {
    const value = await work();
    context.audit(request, { ...entry, ...describe(value), result: 'ok' });
    return value;
  } catch (error) {
    const code = error instanceof ApiError ? error.code : 'INTERNAL';
    context.audit(request, { ...entry, result: 'failed', details: { ...entry.details, code } });
    throw error;
  }
}
