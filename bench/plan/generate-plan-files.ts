import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { PlanSummary } from '../../src/core/plan/plan-types';

// Deterministic inputs for `npm run bench -- plan`: a registry export of `count` devices (CRLF,
// keys included, as the hub writes it) and an import file of `count` lines against it, in which
// 94% re-import a device as it is and 1% each disable a device by a keyless update (keys kept),
// change a tag by updateTwin, set new keys, delete, create a new device, or create one that exists.
type Variant = 'same' | 'status' | 'tag' | 'keys' | 'delete' | 'create' | 'conflict';

const VARIANTS: Record<number, Variant> = {
  7: 'status',
  17: 'tag',
  27: 'keys',
  37: 'delete',
  47: 'create',
  57: 'conflict',
};

export function variantOf(index: number): Variant {
  return VARIANTS[index % 100] ?? 'same';
}

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

const WHEN = '2026-11-01T10:00:00.0000000Z';

function body(i: number, primary: string, secondary: string): string {
  return JSON.stringify({
    eTag: 'MQ==',
    status: 'enabled',
    statusReason: '',
    authentication: {
      symmetricKey: { primaryKey: primary, secondaryKey: secondary },
      x509Thumbprint: { primaryThumbprint: null, secondaryThumbprint: null },
      type: 'sas',
    },
    twinETag: 'AAAAAAAAAAE=',
    tags: { site: `plant-${(i % 20) + 1}`, floor: (i % 12) + 1 },
    properties: {
      desired: {
        telemetryInterval: [10, 15, 30, 60][i % 4],
        $metadata: { $lastUpdated: WHEN },
        $version: 1,
      },
      reported: { $metadata: { $lastUpdated: WHEN }, $version: 1 },
    },
    capabilities: { iotEdge: false },
  }).slice(1);
}

function idOf(i: number): string {
  return `dev-${String(i).padStart(7, '0')}`;
}

function registryLine(i: number): string {
  const rand = prng(i + 1);
  return `{"id":"${idOf(i)}",${body(i, key(rand), key(rand))}`;
}

function importLine(i: number): string {
  const rand = prng(i + 1);
  const primary = key(rand);
  const secondary = key(rand);
  const id = idOf(i);
  switch (variantOf(i)) {
    case 'status':
      return `{"id":"${id}","importMode":"update","status":"disabled"}`;
    case 'tag':
      return `{"id":"${id}","importMode":"updateTwin","tags":{"site":"plant-99"}}`;
    case 'keys':
      return `{"id":"${id}","importMode":"createOrUpdate",${body(i, secondary, primary)}`;
    case 'delete':
      return `{"id":"${id}","importMode":"delete"}`;
    case 'create':
      return `{"id":"new-${String(i).padStart(7, '0')}","importMode":"create",${body(i, primary, secondary)}`;
    case 'conflict':
      return `{"id":"${id}","importMode":"create"}`;
    default:
      return `{"id":"${id}","importMode":"createOrUpdate",${body(i, primary, secondary)}`;
  }
}

async function write(
  path: string,
  count: number,
  line: (i: number) => string,
  eol: string,
): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(line(i));
    if (batch.length === 10_000 || i === count - 1) {
      if (!out.write(batch.join(eol) + eol)) await once(out, 'drain');
      batch = [];
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Writes both files and returns the plan's expected summary. */
export async function generatePlanFiles(
  importPath: string,
  registryPath: string,
  count: number,
): Promise<PlanSummary> {
  await write(registryPath, count, registryLine, '\r\n');
  await write(importPath, count, importLine, '\n');
  const expected: PlanSummary = { create: 0, update: 0, unchanged: 0, delete: 0, fail: 0 };
  for (let i = 0; i < count; i++) {
    const variant = variantOf(i);
    if (variant === 'same') expected.unchanged++;
    else if (variant === 'delete') expected.delete++;
    else if (variant === 'create') expected.create++;
    else if (variant === 'conflict') expected.fail++;
    else expected.update++;
  }
  return expected;
}
