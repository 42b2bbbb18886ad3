import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// Deterministic (a mulberry32 PRNG with fixed seeds) so runs compare; 1% of devices differ between
// A and B: status, keys, a tag, a desired property, or the device is only on one side.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function key(rand: () => number): string {
  const bytes = Buffer.allocUnsafe(32);
  for (let i = 0; i < 32; i++) bytes[i] = Math.floor(rand() * 256);
  return bytes.toString('base64');
}

export type Variant = 'same' | 'status' | 'keys' | 'tag' | 'desired' | 'only-a' | 'only-b';

export function variantOf(index: number): Variant {
  if (index % 100 !== 7) return 'same';
  const kinds: Variant[] = ['status', 'keys', 'tag', 'desired', 'only-a', 'only-b'];
  return kinds[Math.floor(index / 100) % kinds.length] ?? 'same';
}

// Keys come from a PRNG seeded by the device index, so both sides draw the same keys for a device.
function line(i: number, side: 'a' | 'b'): string | undefined {
  const variant = variantOf(i);
  if ((variant === 'only-a' && side === 'b') || (variant === 'only-b' && side === 'a'))
    return undefined;
  const rand = prng(i + 1);
  const changed = side === 'b' && variant !== 'same';
  const id = `dev-${String(i).padStart(7, '0')}`;
  const primary = key(rand);
  const secondary = key(rand);
  const when = '2026-11-01T10:00:00.0000000Z';
  const device = {
    id,
    eTag: 'MQ==',
    status: changed && variant === 'status' ? 'disabled' : 'enabled',
    authentication: {
      symmetricKey: {
        primaryKey: changed && variant === 'keys' ? secondary : primary,
        secondaryKey: secondary,
      },
      x509Thumbprint: { primaryThumbprint: null, secondaryThumbprint: null },
      type: 'sas',
    },
    twinETag: 'AAAAAAAAAAE=',
    tags: {
      site: changed && variant === 'tag' ? 'plant-99' : `plant-${(i % 20) + 1}`,
      floor: (i % 12) + 1,
    },
    properties: {
      desired: {
        telemetryInterval: changed && variant === 'desired' ? 999 : [10, 15, 30, 60][i % 4],
        $metadata: { $lastUpdated: when },
        $version: 1,
      },
      reported: { $metadata: { $lastUpdated: when }, $version: 1 },
    },
    capabilities: { iotEdge: false },
    deviceScope: null,
  };
  return JSON.stringify(device);
}

/**
 * Writes A and B (CRLF, like the hub) with `count` device indexes; returns the expected changes.
 */
export async function generateDiffExports(
  pathA: string,
  pathB: string,
  count: number,
): Promise<Record<Variant, number>> {
  const expected: Record<Variant, number> = {
    same: 0,
    status: 0,
    keys: 0,
    tag: 0,
    desired: 0,
    'only-a': 0,
    'only-b': 0,
  };
  for (const [side, path] of [
    ['a', pathA],
    ['b', pathB],
  ] as const) {
    const out = createWriteStream(path);
    let batch: string[] = [];
    for (let i = 0; i < count; i++) {
      const text = line(i, side);
      if (side === 'a') expected[variantOf(i)]++;
      if (text !== undefined) batch.push(text);
      if (batch.length === 10_000 || i === count - 1) {
        if (!out.write(batch.join('\r\n') + '\r\n')) await once(out, 'drain');
        batch = [];
      }
    }
    out.end();
    await once(out, 'finish');
  }
  return expected;
}
