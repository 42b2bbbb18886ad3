import { describe, expect, it } from 'vitest';
import {
  checkGenerateSpec,
  generateImportLines,
  previewIds,
  type GenerateSpec,
} from '../../../../src/core/bulk/generate-devices';
import { decodedBase64Length } from '../../../../src/core/convert/base64';

const spec = (overrides: Partial<GenerateSpec> = {}): GenerateSpec => ({
  pattern: 'sensor-{n:4}',
  count: 3,
  start: 1,
  keys: 'here',
  status: 'enabled',
  mode: 'create',
  ...overrides,
});

let seed = 1;
const randomBytes = (length: number): Uint8Array =>
  Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);

const linesOf = (s: GenerateSpec, batch?: number): Record<string, unknown>[] =>
  [...generateImportLines(s, randomBytes, batch)]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('generateImportLines', () => {
  it('writes one create line per device with fresh 32-byte keys', () => {
    const lines = linesOf(spec());
    expect(lines.map((line) => line.id)).toEqual(['sensor-0001', 'sensor-0002', 'sensor-0003']);
    const keys = lines.map((line) => {
      const auth = line.authentication as { symmetricKey: Record<string, string>; type: string };
      expect(auth.type).toBe('sas');
      return [auth.symmetricKey.primaryKey!, auth.symmetricKey.secondaryKey!];
    });
    for (const key of keys.flat()) expect(decodedBase64Length(key)).toBe(32);
    expect(new Set(keys.flat()).size).toBe(6);
    expect(lines[0]).toMatchObject({ importMode: 'create', status: 'enabled' });
  });

  it('leaves the keys to the hub, and carries tags, desired properties and the edge flag', () => {
    const [line] = linesOf(
      spec({
        keys: 'hub',
        count: 1,
        mode: 'createOrUpdate',
        status: 'disabled',
        tags: { site: 'plant-1' },
        desired: { telemetryInterval: 30 },
        iotEdge: true,
      }),
    );
    expect(line).toEqual({
      id: 'sensor-0001',
      importMode: 'createOrUpdate',
      status: 'disabled',
      tags: { site: 'plant-1' },
      properties: { desired: { telemetryInterval: 30 } },
      capabilities: { iotEdge: true },
    });
  });

  it('yields the same lines in batches of any size, and 200,000 ids are all distinct', () => {
    expect(linesOf(spec({ keys: 'hub', count: 25 }), 7)).toEqual(
      linesOf(spec({ keys: 'hub', count: 25 }), 1000),
    );
    const ids = new Set<string>();
    for (const chunk of generateImportLines(
      spec({ keys: 'hub', count: 200_000, pattern: 'd{n}' }),
      randomBytes,
    ))
      for (const line of chunk.split('\n')) if (line) ids.add(line.slice(7, line.indexOf('"', 7)));
    expect(ids.size).toBe(200_000);
  });

  it('refuses a spec that the check refuses', () => {
    expect(() => [...generateImportLines(spec({ pattern: 'no-counter' }), randomBytes)]).toThrow();
  });
});

describe('checkGenerateSpec', () => {
  it('accepts a good spec', () => {
    expect(checkGenerateSpec(spec())).toEqual([]);
  });

  it.each([
    [{ pattern: 'plain' }, 'pattern', /one counter placeholder/],
    [{ pattern: '{n}-{n}' }, 'pattern', /only one/],
    [{ pattern: 'bad id {n}' }, 'pattern', /characters the hub does not allow/],
    [{ pattern: `${'x'.repeat(125)}{n}`, count: 1000 }, 'pattern', /over 128 characters/],
    [{ count: 0 }, 'count', /1 to 1,000,000/],
    [{ count: 1_000_001 }, 'count', /1 to 1,000,000/],
    [{ start: -1 }, 'start', /0 or more/],
    [{ tags: { 'a.b': 1 } }, 'tags', /twin rules/],
    [{ desired: { 'x.y': 1 } }, 'desired', /twin rules/],
  ] as const)('names the field and the reason: %j', (overrides, field, message) => {
    const problems = checkGenerateSpec(spec(overrides as Partial<GenerateSpec>));
    expect(problems).toEqual([expect.objectContaining({ field })]);
    expect(problems[0]!.message).toMatch(message);
  });
});

describe('previewIds', () => {
  it('shows the first ids of the pattern', () => {
    expect(previewIds(spec({ pattern: 'room-{n:3}-temp', start: 9 }), 2)).toEqual([
      'room-009-temp',
      'room-010-temp',
    ]);
  });
});
