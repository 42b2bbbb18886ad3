import type { IncomingMessage } from 'node:http';

/** Reads a small request body whole, refusing anything over `maxBytes` (these are form posts). */
export async function readSmallBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class BodyTooLargeError extends Error {
  readonly code = 'BODY_TOO_LARGE';
  constructor(maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
  }
}
