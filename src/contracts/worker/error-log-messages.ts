import type { ImportErrorEntry } from '../../core/import-errors';

// The two directions of the importErrors.log worker. Bytes go in (transferred, not copied); parsed
// entries come back one batch per network chunk, so no single message is large.
export type ToErrorLogWorker = { type: 'bytes'; bytes: ArrayBuffer } | { type: 'end' };

export type FromErrorLogWorker =
  | { type: 'entries'; entries: ImportErrorEntry[] }
  | { type: 'done'; entries: ImportErrorEntry[] }
  | { type: 'failed'; message: string };

export function isToErrorLogWorker(value: unknown): value is ToErrorLogWorker {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; bytes?: unknown };
  return (
    message.type === 'end' || (message.type === 'bytes' && message.bytes instanceof ArrayBuffer)
  );
}

export function isFromErrorLogWorker(value: unknown): value is FromErrorLogWorker {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; entries?: unknown; message?: unknown };
  if (message.type === 'failed') return typeof message.message === 'string';
  return (message.type === 'entries' || message.type === 'done') && Array.isArray(message.entries);
}
