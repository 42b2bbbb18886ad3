import { readBlobSlices } from './read-blob-slices';

// 4 MiB slices through one streaming decoder: a 1,000,000-line file is never one string, and a
// character cut by a slice boundary is joined by the decoder, not broken.
const SLICE = 4 * 1024 * 1024;

/**
 * Hands `blob` to `onText` in decoded chunks, with the bytes read so far after each; the next
 * slice is read once `onText` has returned (or its promise settled), so a slow consumer holds one
 * slice at a time.
 */
export async function readBlobText(
  blob: Blob,
  onText: (text: string, bytesRead: number) => void | Promise<void>,
  slice = SLICE,
  signal?: AbortSignal,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const { bytes, end } of readBlobSlices(blob, {
    sliceBytes: slice,
    ...(signal ? { signal } : {}),
  }))
    await onText(decoder.decode(bytes, { stream: true }), end);
  const tail = decoder.decode();
  if (tail.length > 0) await onText(tail, blob.size);
}
