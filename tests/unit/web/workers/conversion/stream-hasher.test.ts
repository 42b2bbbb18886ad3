import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createFastSha256,
  createInlineHasher,
  type CreateSha256,
} from '../../../../../src/web/workers/conversion/stream-hasher';

// FIPS 180-2 / NIST CAVP vectors for SHA-256.
const VECTORS: [name: string, input: string, sha256: string][] = [
  ['the empty message', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'the 448-bit two-block message',
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  [
    'one million "a"',
    'a'.repeat(1_000_000),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
];

const wasmRefused: CreateSha256 = () =>
  createFastSha256(() => Promise.reject(new Error('CSP refused WebAssembly')));

async function digestParts(
  parts: readonly Uint8Array<ArrayBuffer>[],
  createSha256?: CreateSha256,
): Promise<string> {
  const hasher = createInlineHasher(undefined, createSha256);
  for (const part of parts) hasher.source(new Blob([part]));
  return (await hasher.digest()).sourceSha256;
}

function split(bytes: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer>[] {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
  return parts;
}

describe('the stream hasher', () => {
  for (const [name, input, expected] of VECTORS) {
    it(`gives the standard SHA-256 of ${name}`, async () => {
      const bytes = new TextEncoder().encode(input);
      expect(await digestParts([bytes])).toBe(expected);
    });
  }

  it('gives the digest of the empty message for both sides when nothing was fed', async () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(await createInlineHasher().digest()).toEqual({
      sourceSha256: empty,
      outputSha256: empty,
    });
  });

  it('gives the same digest for a file fed in odd-sized parts, empty parts included, as whole', async () => {
    const bytes = new Uint8Array(30_001).map((_, i) => (i * 7919) % 251);
    const whole = createHash('sha256').update(bytes).digest('hex');
    for (const size of [7, 63, 64, 65, 4096, 65_537])
      expect(await digestParts(split(bytes, size)), `parts of ${size}`).toBe(whole);
    expect(await digestParts([new Uint8Array(0), bytes, new Uint8Array(0)])).toBe(whole);
  });

  it('keeps the source and the output apart however their parts interleave', async () => {
    const source = new TextEncoder().encode('id,key\nd1,k1\n');
    const output = new TextEncoder().encode('{"id":"d1"}\n');
    const hasher = createInlineHasher();
    hasher.source(new Blob([source.subarray(0, 5)]));
    hasher.output(new Blob([output.subarray(0, 3)]));
    hasher.source(new Blob([source.subarray(5)]));
    hasher.output(new Blob([output.subarray(3)]));
    expect(await hasher.digest()).toEqual({
      sourceSha256: createHash('sha256').update(source).digest('hex'),
      outputSha256: createHash('sha256').update(output).digest('hex'),
    });
  });

  it('reports hashed and queued bytes after each part, ending with all of them', async () => {
    const seen: [number, number][] = [];
    const hasher = createInlineHasher((hashed, queued) => seen.push([hashed, queued]));
    hasher.source(new Blob([new Uint8Array(10)]));
    hasher.output(new Blob([new Uint8Array(5)]));
    await hasher.digest();
    expect(seen.at(-1)).toEqual([15, 15]);
    expect(seen.every(([hashed, queued]) => hashed <= queued)).toBe(true);
  });

  it('falls back to the JavaScript SHA-256, same digests, when WebAssembly cannot start', async () => {
    for (const [name, input, expected] of VECTORS.slice(0, 3))
      expect(await digestParts([new TextEncoder().encode(input)], wasmRefused), name).toBe(
        expected,
      );
  });

  it('uses WebAssembly where it can: two running hashes do not share a state', async () => {
    const [a, b] = await Promise.all([createFastSha256(), createFastSha256()]);
    a.update(new TextEncoder().encode('abc'));
    expect(b.hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(a.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('rejects the digest when a part cannot be read', async () => {
    const hasher = createInlineHasher();
    const unreadable = new Blob([]);
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    hasher.source(unreadable);
    await expect(hasher.digest()).rejects.toThrow('NotReadableError');
  });
});
