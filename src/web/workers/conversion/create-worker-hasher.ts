import {
  createInlineHasher,
  type Checksums,
  type OnHashed,
  type StreamHasher,
} from './stream-hasher';

type HashWorkerReply = ({ kind: 'digest' } & Checksums) | { kind: 'hashed'; bytes: number };

/**
 * Hashes in a nested worker when the scope can start one (dedicated workers in Chromium can); else
 * inline.
 */
export function createWorkerHasher(onHashed?: OnHashed): StreamHasher {
  if (typeof Worker === 'undefined') return createInlineHasher(onHashed);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return createInlineHasher(onHashed);
  }
  let settle: { resolve: (c: Checksums) => void; reject: (e: Error) => void } | undefined;
  let queued = 0;
  worker.addEventListener('message', (event: MessageEvent<HashWorkerReply>) => {
    const reply = event.data;
    if (reply.kind === 'hashed') onHashed?.(reply.bytes, queued);
    else {
      settle?.resolve({ sourceSha256: reply.sourceSha256, outputSha256: reply.outputSha256 });
      worker.terminate();
    }
  });
  worker.addEventListener('error', (event) =>
    settle?.reject(new Error(`hash worker failed: ${event.message}`)),
  );
  const send = (kind: 'source' | 'output', part: Blob): void => {
    queued += part.size;
    worker.postMessage({ kind, part });
  };
  return {
    source: (part) => send('source', part),
    output: (part) => send('output', part),
    digest: () =>
      new Promise((resolve, reject) => {
        settle = { resolve, reject };
        worker.postMessage({ kind: 'digest' });
      }),
  };
}
