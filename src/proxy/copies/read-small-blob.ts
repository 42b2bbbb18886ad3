import type { CopyHub } from './copy-hubs';

/**
 * A blob of an operation that is small by nature, read whole: a configurations.txt (a hub holds at
 * most 100 configurations), a verification's result, a delete-all's configuration ids.
 */
export async function readSmallBlob(
  hub: Pick<CopyHub, 'context'>,
  operationId: string,
  blobName: string,
): Promise<string | undefined> {
  const blob = await hub.context.storage.openBlob(operationId, blobName);
  if (!blob) return undefined;
  let text = '';
  blob.stream.setEncoding('utf8');
  for await (const chunk of blob.stream) text += chunk as string;
  return text;
}
