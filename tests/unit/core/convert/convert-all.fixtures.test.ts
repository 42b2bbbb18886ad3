import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../src/core/convert/convert-all';
import { counterBytes, FIXTURES, listFixtureCases } from './support/fixture-cases';

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe('conversion of the fixture files', () => {
  for (const fixture of listFixtureCases()) {
    it(`converts ${fixture.name} to its golden NDJSON and report`, async () => {
      const bytes = new Uint8Array(readFileSync(fixture.inputPath));
      const result = convertAll(bytes, fixture.options, { randomBytes: counterBytes() });
      const { issues, ...counts } = result.report;
      await expect(result.output).toMatchFileSnapshot(
        `${FIXTURES}/${fixture.name}.expected.ndjson`,
      );
      await expect(JSON.stringify({ ...counts, issues }, null, 2) + '\n').toMatchFileSnapshot(
        `${FIXTURES}/${fixture.name}.expected-report.json`,
      );
      if (fixture.options.keyPolicy === 'generate-here') {
        await expect(result.keysCsv).toMatchFileSnapshot(
          `${FIXTURES}/${fixture.name}.expected.keys.csv`,
        );
      }
    });

    it(`gives the same result for ${fixture.name} whatever the chunk size`, () => {
      const bytes = new Uint8Array(readFileSync(fixture.inputPath));
      const whole = convertAll(bytes, fixture.options, { randomBytes: counterBytes() });
      for (const size of [1, 2, 3, 7, 64]) {
        const chunked = convertAll(chunksOf(bytes, size), fixture.options, {
          randomBytes: counterBytes(),
          detectChars: 1,
        });
        expect(chunked.output).toBe(whole.output);
        expect(chunked.report).toEqual(whole.report);
      }
    });
  }
});
