import fc from 'fast-check';
import { convertAll } from '../../src/core/convert/convert-all';
import type { ConvertOptions, InputFormat } from '../../src/core/convert/types';

// The 10,000-file fuzz run: random bytes and hostile text in every format and chunking; each file
// must convert without throwing and with exact row accounting.
const PIECES = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\r\n',
  '\n',
  '{',
  '}',
  '[',
  ']',
  'deviceId',
  '"id":',
  'tags.a',
  '\uFEFF',
  'é',
  '\\',
  'null',
  '1e999',
];

export async function fuzzConversion(files: number, seed = 42): Promise<Record<string, unknown>> {
  const input = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 200 })
      .map((p) => new TextEncoder().encode(p.join(''))),
    fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 200 })
      .map((p) => new TextEncoder().encode(`deviceId,tags.x,desired\n${p.join('')}`)),
  );
  const format = fc.constantFrom<InputFormat | 'auto'>('auto', 'csv', 'json', 'ndjson');
  const samples = fc.sample(fc.tuple(input, format, fc.integer({ min: 1, max: 64 })), {
    numRuns: files,
    seed,
  });
  let failures = 0;
  let records = 0;
  let fileErrors = 0;
  const firstFailures: string[] = [];
  const start = performance.now();
  for (const [bytes, f, chunkSize] of samples) {
    const options: ConvertOptions = {
      format: f,
      defaultMode: 'create',
      defaultStatus: 'enabled',
      keyPolicy: 'hub-generates',
      skipInvalid: true,
    };
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
    try {
      const { report, output } = convertAll(chunks, options);
      const lines = output === '' ? 0 : output.split('\n').length - 1;
      const exact =
        report.valid + report.invalid + report.blank === report.total &&
        (!report.written || lines === report.valid);
      if (!exact) throw new Error('row accounting mismatch');
      records += report.total;
      if (report.fileError) fileErrors++;
    } catch (error) {
      failures++;
      if (firstFailures.length < 5)
        firstFailures.push(
          `${(error as Error).message}: ${Buffer.from(bytes).toString('base64').slice(0, 200)}`,
        );
    }
  }
  return {
    files,
    seed,
    failures,
    records,
    fileErrors,
    seconds: (performance.now() - start) / 1000,
    firstFailures,
  };
}
