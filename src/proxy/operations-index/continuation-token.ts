import { z } from 'zod';
import { ApiError } from '../http/api-error';

// The list's continuation token. Table Storage pages with a (next partition key, next row key)
// pair whose values are the service's own opaque encoding (Azurite sends base64, Azure its
// `1!8!...` form). The browser gets that pair plus the partition it was issued for, as base64url
// JSON it should treat as opaque. Every token that comes back is parsed, its partition checked and
// its values held to printable ASCII; the query itself stays filtered to this hub's partition, so
// even a forged cursor cannot reach another hub's rows.

const ServiceValue = z.string().regex(/^[\x21-\x7e]{1,1024}$/);
const TokenShape = z.object({ p: z.string(), pk: ServiceValue, rk: ServiceValue.optional() });
export type IndexCursor = { nextPartitionKey: string; nextRowKey?: string };

const MAX_TOKEN_CHARS = 3000;

export function encodeContinuation(cursor: IndexCursor, partitionKey: string): string {
  const shape = {
    p: partitionKey,
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
  if (!shape.success || shape.data.p !== partitionKey) throw invalid();
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
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = z
    .object({ nextPartitionKey: z.string(), nextRowKey: z.string().optional() })
    .safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
