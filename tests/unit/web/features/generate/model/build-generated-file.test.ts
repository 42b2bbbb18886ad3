import { describe, expect, it } from 'vitest';
import type { GenerateSpec } from '../../../../../../src/core/bulk/generate-devices';
import {
  buildGeneratedFile,
  generatedFileName,
  generatedReason,
} from '../../../../../../src/web/features/generate/model/build-generated-file';

const spec: GenerateSpec = {
  pattern: 'sensor-{n:3}',
  count: 25_001,
  start: 1,
  keys: 'here',
  status: 'enabled',
  mode: 'create',
  tags: { site: 'lab' },
};

let seed = 0;
const randomBytes = (length: number) => new Uint8Array(length).map(() => seed++ % 256);

describe('buildGeneratedFile', () => {
  it('writes one import line per device across several parts, reporting progress per part', async () => {
    const progress: number[] = [];
    const file = await buildGeneratedFile(spec, {
      randomBytes,
      onProgress: (n) => progress.push(n),
    });
    const lines = (await file.text()).split('\n').filter(Boolean);
    expect(lines).toHaveLength(25_001);
    expect(progress).toEqual([10_000, 20_000, 25_001]);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ id: 'sensor-001', importMode: 'create', tags: { site: 'lab' } });
    expect(first['authentication']).toMatchObject({ type: 'sas' });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ id: 'sensor-25001' });
    expect(file.name).toBe('generated-sensor-n3-25001.ndjson');
  });

  it('stops when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(buildGeneratedFile(spec, { randomBytes, signal: abort.signal })).rejects.toThrow();
  });
});

describe('generatedReason and generatedFileName', () => {
  it('names the count, the pattern, the keys and the mode', () => {
    expect(generatedReason({ ...spec, count: 25, keys: 'hub', tags: { site: 'lab' } })).toBe(
      '25 test devices generated from pattern "sensor-{n:3}" starting at 1, enabled, the hub creates their keys, with 1 tag. Mode create: review the plan before you upload.',
    );
  });

  it('keeps only file-safe characters of the pattern', () => {
    expect(generatedFileName({ ...spec, pattern: 'a b/{n}', count: 5 })).toBe(
      'generated-a-b-n-5.ndjson',
    );
  });
});
