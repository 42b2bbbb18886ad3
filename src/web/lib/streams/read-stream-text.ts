import { readStreamBytes, type StreamBytesOptions } from './read-stream-bytes';

// A streamed response body read as text (the retry file built from an export), through the one
// byte loop (read-stream-bytes.ts), so a slow sink holds the stream back and an abort cancels it.

export type StreamTextOptions = StreamBytesOptions;

/** Decodes `body` as UTF-8 (a character cut by a chunk is joined) and hands the text to `onText`. */
export async function readStreamText(
  body: ReadableStream<Uint8Array>,
  onText: (text: string) => void | Promise<void>,
  options: StreamTextOptions = {},
): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  await readStreamBytes(body, (bytes) => onText(decoder.decode(bytes, { stream: true })), options);
  const tail = decoder.decode();
  if (tail.length > 0) await onText(tail);
}
