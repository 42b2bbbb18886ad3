import { createInlineHasher, type StreamHasher } from './stream-hasher';

function owned(bytes: Uint8Array): ArrayBuffer {
  // Transfer the buffer when the view covers it whole; otherwise copy the viewed range.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

/** Hashes in a nested worker when the scope can start one (dedicated workers in Chromium can); else inline. */
export function createWorkerHasher(): StreamHasher {
  if (typeof Worker === 'undefined') return createInlineHasher();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createInlineHasher();
  }
  const send = (kind: 'source' | 'output', bytes: Uint8Array): void => {
    const buffer = owned(bytes);
    worker.postMessage({ kind, buffer }, [buffer]);
  };
  return {
    source: (bytes) => send('source', bytes),
    output: (bytes) => send('output', bytes),
    digest: () =>
      new Promise((resolve, reject) => {
        worker.addEventListener('message', (event: MessageEvent<{ sourceSha256: string; outputSha256: string }>) => {
          resolve(event.data);
          worker.terminate();
        });
        worker.addEventListener('error', (event) => reject(new Error(`hash worker failed: ${event.message}`)));
        worker.postMessage({ kind: 'digest' });
      }),
  };
}
