import { createInlineHasher } from './stream-hasher';

// Nested worker that hashes the parts the conversion worker posts to it. On a 2-core machine
// hashing ~450 MB (1M rows: source + output) in JS costs seconds; here it runs beside the
// conversion instead of after each chunk, and the conversion's result does not wait for it.
// Parts arrive as Blob handles and are read one at a time, so a backlog costs no heap.
// Messages come only from our own conversion worker.
type HashMessage = { kind: 'source' | 'output'; part: Blob } | { kind: 'digest' };

const scope = self as unknown as {
  postMessage(m: unknown): void;
  addEventListener(t: 'message', l: (e: MessageEvent<HashMessage>) => void): void;
};
const hasher = createInlineHasher((bytes) => scope.postMessage({ kind: 'hashed', bytes }));

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'digest')
    void hasher.digest().then((checksums) => scope.postMessage({ kind: 'digest', ...checksums }));
  else hasher[message.kind](message.part);
});
