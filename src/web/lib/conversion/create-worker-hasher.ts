import { createInlineHasher, type Checksums, type StreamHasher } from './stream-hasher';

type HashWorkerReply = ({ kind: 'digest' } & Checksums) | { kind: 'hashed'; bytes: number };

/** Hashes in a nested worker when the scope can start one (dedicated workers in Chromium can); else inline. */
export function createWorkerHasher(onHashed?: (bytes: number) => void): StreamHasher {
  if (typeof Worker === 'undefined') return createInlineHasher(onHashed);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createInlineHasher(onHashed);
  }
  let settle: { resolve: (c: Checksums) => void; reject: (e: Error) => void } | undefined;
  worker.addEventListener('message', (event: MessageEvent<HashWorkerReply>) => {
    const reply = event.data;
    if (reply.kind === 'hashed') onHashed?.(reply.bytes);
    else {
      settle?.resolve({ sourceSha256: reply.sourceSha256, outputSha256: reply.outputSha256 });
      worker.terminate();
    }
  });
  worker.addEventListener('error', (event) => settle?.reject(new Error(`hash worker failed: ${event.message}`)));
  return {
    source: (part) => worker.postMessage({ kind: 'source', part }),
    output: (part) => worker.postMessage({ kind: 'output', part }),
    digest: () =>
      new Promise((resolve, reject) => {
        settle = { resolve, reject };
        worker.postMessage({ kind: 'digest' });
      }),
  };
}
