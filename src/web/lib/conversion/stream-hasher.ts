import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Incremental SHA-256 of the source bytes and of the output bytes. */
export interface StreamHasher {
  /** May take ownership of (detach) the bytes: callers pass buffers they no longer need. */
  source(bytes: Uint8Array): void;
  output(bytes: Uint8Array): void;
  digest(): Promise<{ sourceSha256: string; outputSha256: string }>;
}

export function createInlineHasher(): StreamHasher {
  const source = sha256.create();
  const output = sha256.create();
  return {
    source: (bytes) => source.update(bytes),
    output: (bytes) => output.update(bytes),
    digest: async () => ({ sourceSha256: bytesToHex(source.digest()), outputSha256: bytesToHex(output.digest()) }),
  };
}
