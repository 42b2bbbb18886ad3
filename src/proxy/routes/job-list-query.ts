import { z } from 'zod';
import { ApiError } from '../http/api-error';

// `GET /api/jobs?limit=&continuation=`: 50 jobs a page by default, at most 200 (docs/proxy.md,
// "Operations index"). The token is checked again, for its content, by the index.
const JobListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  continuation: z.string().min(1).max(3000).optional(),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

export function parseJobListQuery(query: unknown): JobListQuery {
  const parsed = JobListQuery.safeParse(query ?? {});
  if (!parsed.success)
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'limit must be a whole number from 1 to 200, and continuation a token from a previous page.',
      {
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      },
    );
  return parsed.data;
}
