// 4 MiB slices through one streaming decoder: a 1,000,000-line file is never one string, and a
// character cut by a slice boundary is joined by the decoder, not broken.
const SLICE = 4 * 1024 * 1024;

/** Hands `blob` to `onText` in decoded chunks, with the bytes read so far after each. */
export async function readBlobText(
  blob: Blob,
  onText: (text: string, bytesRead: number) => void,
  slice = SLICE,
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for (let offset = 0; offset < blob.size; offset += slice) {
    const bytes = new Uint8Array(await blob.slice(offset, offset + slice).arrayBuffer());
    onText(decoder.decode(bytes, { stream: true }), Math.min(offset + slice, blob.size));
  }
  const tail = decoder.decode();
  if (tail.length > 0) onText(tail, blob.size);
}
