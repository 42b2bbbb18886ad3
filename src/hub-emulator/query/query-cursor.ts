import { createHash } from 'node:crypto';
import type { ScanCursor } from '../store/hub-store';

// The continuation token is the emulator's own opaque cursor (the hub's is opaque too,
// docs/reference/hub-wire-contract.md#query): where the last page stopped, how many items were sent
// and a digest of the query text, because the hub expects the original query with its token.
// Anything else is refused rather than silently restarting the query.
export interface QueryCursor {
  after: ScanCursor;
  sent: number;
}

export function encodeQueryCursor(query: string, cursor: QueryCursor): string {
  const json = JSON.stringify({
    q: digest(query),
    d: cursor.after.deviceId,
    m: cursor.after.moduleId,
    n: cursor.sent,
  });
  return Buffer.from(json).toString('base64url');
}

/** The cursor a token carries; undefined when it is no token of this query. */
export function decodeQueryCursor(query: string, token: string): QueryCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { q, d, m, n } = json as Record<string, unknown>;
  if (q !== digest(query) || typeof d !== 'string' || typeof m !== 'string') return undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  return { after: { deviceId: d, moduleId: m }, sent: n };
}

function digest(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 16);
}
