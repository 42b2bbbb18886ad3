import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertAll } from '../../../../../src/core/convert/convert-all';
import { convertFile } from '../../../../../src/web/workers/conversion/convert-file';
import { counterBytes, listFixtureCases } from '../../../core/convert/support/fixture-cases';

// The worker's conversion function run in Node over a Blob: same bytes as the core, hashes right.
describe('the worker shell conversion over a Blob', () => {
  for (const fixture of listFixtureCases()) {
    it(`gives the core's bytes and correct hashes for ${fixture.name}`, async () => {
      const bytes = readFileSync(fixture.inputPath);
      const expected = convertAll(new Uint8Array(bytes), fixture.options, {
        randomBytes: counterBytes(),
      });
      const progress: number[] = [];
      const result = await convertFile(new Blob([bytes]), fixture.options, {
        randomBytes: counterBytes(),
        onProgress: (p) => progress.push(p.bytesRead),
        chunkSize: 17,
      });
      const output = Buffer.from(await result.output.arrayBuffer());
      expect(output.toString('utf8')).toBe(expected.output);
      expect(result.outputSize).toBe(output.length);
      const checksums = await result.checksums;
      expect(checksums.outputSha256).toBe(createHash('sha256').update(output).digest('hex'));
      expect(checksums.sourceSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(result.report).toEqual(expected.report);
      expect(progress.at(-1)).toBe(bytes.length);
      if (fixture.options.keyPolicy === 'generate-here')
        expect(await result.keysCsv?.text()).toBe(expected.keysCsv);
      else expect(result.keysCsv).toBeNull();
    });
  }
});
