import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface Checksums {
  sourceSha256: string;
  outputSha256: string;
}

/**
 * Incremental SHA-256 of the source and of the output, fed in order as Blob parts. Blobs rather
 * than bytes: a part waiting to be hashed stays in the browser's blob storage instead of the
 * renderer's heap, so a hasher that falls behind costs no memory here.
 */
export interface StreamHasher {
  source(part: Blob): void;
  output(part: Blob): void;
  digest(): Promise<Checksums>;
}

/**
 * Bytes hashed so far, and bytes handed to the hasher so far (the total grows while output is
 * written).
 */
export type OnHashed = (hashedBytes: number, queuedBytes: number) => void;

/** Hashes on the calling thread, one part after another. */
export function createInlineHasher(onHashed?: OnHashed): StreamHasher {
  const source = sha256.create();
  const output = sha256.create();
  let hashed = 0;
  let queued = 0;
  let queue: Promise<void> = Promise.resolve();
  const update = (hash: typeof source, part: Blob): void => {
    queued += part.size;
    queue = queue.then(async () => {
      hash.update(new Uint8Array(await part.arrayBuffer()));
      hashed += part.size;
      onHashed?.(hashed, queued);
    });
  };
  return {
    source: (part) => update(source, part),
    output: (part) => update(output, part),
    digest: () =>
      queue.then(() => ({
        sourceSha256: bytesToHex(source.digest()),
        outputSha256: bytesToHex(output.digest()),
      })),
  };
}
