import type { IncomingMessage } from 'node:http';
import { hubError } from './hub-error';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * The request body parsed as JSON; undefined when empty. Unparseable JSON is the hub's
 * IotHubFormatError.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw hubError('IotHubFormatError', 'Request body too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw hubError(
      'IotHubFormatError',
      `Unable to parse the request body: ${(error as Error).message}`,
    );
  }
}
