import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { DEFAULT_OPTIONS } from './support/fixture-cases';

// 0xFB bytes encode as "+/v7…": a generated key that starts with +, which a spreadsheet runs as a
// formula, like the ids below.
const PLUS_KEY_BYTES = (length: number): Uint8Array => new Uint8Array(length).fill(0xfb);
const IDS = ['=a', '-b', '@c', '+d'];
const GENERATE = { ...DEFAULT_OPTIONS, keyPolicy: 'generate-here' } as const;

function generatedKeysCsv(): string {
  const csv = ['deviceId', ...IDS].join('\n') + '\n';
  return convertAll(csv, GENERATE, { randomBytes: PLUS_KEY_BYTES }).keysCsv;
}

describe('the keys CSV', () => {
  it('guards every cell a spreadsheet would run as a formula, keys included', () => {
    const rows = generatedKeysCsv().trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(IDS.length);
    for (const row of rows) {
      const [id, moduleId, primaryKey, secondaryKey] = row.split(',');
      expect(id).toMatch(/^'[-=+@]/);
      expect(moduleId).toBe('');
      expect(primaryKey).toMatch(/^'\+\/v7/);
      expect(secondaryKey).toMatch(/^'\+\/v7/);
    }
  });

  it('reads back through the converter as the ids and keys it was written from', () => {
    const { output, report } = convertAll(generatedKeysCsv(), DEFAULT_OPTIONS);
    expect(report.fileError).toBeUndefined();
    const key = btoa(String.fromCharCode(...PLUS_KEY_BYTES(32)));
    const lines = output
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.id)).toEqual(IDS);
    for (const line of lines)
      expect(line.authentication).toMatchObject({
        symmetricKey: { primaryKey: key, secondaryKey: key },
      });
  });
});
