import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createSHA256, type IHasher } from 'hash-wasm';

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

/** One running SHA-256: what both implementations below offer. */
export interface Sha256State {
  update(bytes: Uint8Array): void;
  hex(): string;
}

export type CreateSha256 = () => Promise<Sha256State>;

function nobleSha256(): Sha256State {
  const hash = sha256.create();
  return { update: (bytes) => hash.update(bytes), hex: () => bytesToHex(hash.digest()) };
}

/**
 * hash-wasm's WebAssembly SHA-256 runs about 3x faster than @noble's JavaScript (1M rows hash ~460
 * MB; docs/reference/measured-baselines.md#checksums-while-uploading). Compiling WebAssembly needs
 * 'wasm-unsafe-eval' in the script CSP (src/proxy/http/security-headers.ts); where a page's policy
 * refuses it, the JavaScript hash still gives the same digest, only slower.
 */
export async function createFastSha256(
  loadWasm: () => Promise<IHasher> = createSHA256,
): Promise<Sha256State> {
  try {
    const hash = await loadWasm();
    hash.init();
    return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') };
  } catch {
    return nobleSha256();
  }
}

/** Hashes on the calling thread, one part after another. */
export function createInlineHasher(
  onHashed?: OnHashed,
  createSha256: CreateSha256 = () => createFastSha256(),
): StreamHasher {
  const hashes = Promise.all([createSha256(), createSha256()]);
  let hashed = 0;
  let queued = 0;
  let queue: Promise<unknown> = hashes;
  const update = (side: 0 | 1, part: Blob): void => {
    queued += part.size;
    queue = queue.then(async () => {
      const bytes = new Uint8Array(await part.arrayBuffer());
      (await hashes)[side].update(bytes);
      hashed += part.size;
      onHashed?.(hashed, queued);
    });
  };
  return {
    source: (part) => update(0, part),
    output: (part) => update(1, part),
    digest: async () => {
      await queue;
      const [source, output] = await hashes;
      return { sourceSha256: source.hex(), outputSha256: output.hex() };
    },
  };
}
