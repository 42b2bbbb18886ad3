import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// Nested worker that hashes what the conversion worker transfers to it. On a 2-core machine
// hashing ~450 MB (1M rows: source + output) in JS costs seconds; here it runs beside the
// conversion instead of after each chunk. Messages come only from our own conversion worker.
type HashMessage = { kind: 'source' | 'output'; buffer: ArrayBuffer } | { kind: 'digest' };

const hashes = { source: sha256.create(), output: sha256.create() };
const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: MessageEvent<HashMessage>) => void): void };

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'digest') scope.postMessage({ sourceSha256: bytesToHex(hashes.source.digest()), outputSha256: bytesToHex(hashes.output.digest()) });
  else hashes[message.kind].update(new Uint8Array(message.buffer));
});
