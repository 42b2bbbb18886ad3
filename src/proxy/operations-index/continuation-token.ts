import { z } from 'zod';
import { ApiError } from '../http/api-error';

// The list's continuation token. Table Storage pages with a (next partition key, next row key)
// pair; the browser gets it as base64url JSON it should treat as opaque, and every token that comes
// back is parsed and checked against the partition it was issued for, so a forged one cannot point
// a query at another hub's rows.

const TokenShape = z.object({ pk: z.string().max(1024), rk: z.string().max(1024).optional() });
export type IndexCursor = { nextPartitionKey: string; nextRowKey?: string };

const MAX_TOKEN_CHARS = 3000;

export function encodeContinuation(cursor: IndexCursor): string {
  const shape = {
    pk: cursor.nextPartitionKey,
    ...(cursor.nextRowKey ? { rk: cursor.nextRowKey } : {}),
  };
  return Buffer.from(JSON.stringify(shape), 'utf8').toString('base64url');
}

export function decodeContinuation(token: string, partitionKey: string): IndexCursor {
  const invalid = (): ApiError =>
    new ApiError(
      400,
      'VALIDATION_FAILED',
      'The continuation token is not one this list issued; start again from the first page.',
      { field: 'continuation' },
    );
  if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const shape = TokenShape.safeParse(parsed);
  if (!shape.success || shape.data.pk !== partitionKey) throw invalid();
  // Control characters would never come from the service; a key with them is forged.
  // eslint-disable-next-line no-control-regex
  if (shape.data.rk !== undefined && /[\u0000-\u001f\u007f]/.test(shape.data.rk)) throw invalid();
  return {
    nextPartitionKey: shape.data.pk,
    ...(shape.data.rk ? { nextRowKey: shape.data.rk } : {}),
  };
}

/** The SDK's own token format (base64 of this JSON) for `byPage({ continuationToken })`. */
export function toSdkToken(cursor: IndexCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

export function fromSdkToken(token: string | undefined): IndexCursor | undefined {
  if (!token) return undefined;
  const parsed = z
    .object({ nextPartitionKey: z.string(), nextRowKey: z.string().optional() })
    .safeParse(JSON.parse(Buffer.from(token, 'base64').toString('utf8')));
  return parsed.success ? parsed.data : undefined;
}
