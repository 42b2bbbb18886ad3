import { createConversion, type ConversionDeps } from './create-conversion';
import type { ConversionReport, ConvertOptions } from './types';

export interface ConvertAllResult {
  output: string;
  keysCsv: string;
  report: ConversionReport;
}

/** Whole-input convenience over createConversion, for small inputs (tests, retries, previews). */
export function convertAll(
  input: string | Uint8Array | Iterable<Uint8Array>,
  options: ConvertOptions,
  deps: ConversionDeps = {},
): ConvertAllResult {
  const out: string[] = [];
  const keys: string[] = [];
  const decoder = new TextDecoder();
  const session = createConversion(
    options,
    {
      onOutput: (bytes) => out.push(decoder.decode(bytes, { stream: true })),
      onKeys: (t) => keys.push(t),
    },
    deps,
  );
  const chunks =
    typeof input === 'string'
      ? [new TextEncoder().encode(input)]
      : input instanceof Uint8Array
        ? [input]
        : input;
  for (const chunk of chunks) session.push(chunk);
  const report = session.finish();
  return {
    output: report.written ? out.join('') : '',
    keysCsv: report.written ? keys.join('') : '',
    report,
  };
}
