import type { z } from 'zod';
import { HubRequestError } from './hub-errors';

/**
 * A hub answer checked against its schema: an answer of another shape is the hub's fault, a 502
 * `UnexpectedResponse`, never a half-read object passed on.
 */
export function parseHubAnswer<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new HubRequestError(
      502,
      'UnexpectedResponse',
      `unexpected hub response: ${result.error.message}`,
    );
  return result.data;
}
