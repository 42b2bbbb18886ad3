import { createConversion } from '../../../core/convert/create-conversion';
import type { ConversionProgress, ConversionReport, ConvertOptions } from '../../../core/convert/types';
import { createInlineHasher, type StreamHasher } from './stream-hasher';

// 1 MiB reads: a few hundred Blob parts and progress events at 1M rows, and the per-chunk garbage
// (row arrays, line strings) stays small, which keeps the renderer peak low.
const READ_CHUNK = 1024 * 1024;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface ConvertFileResult {
  output: Blob;
  outputSize: number;
  outputSha256: string;
  sourceSha256: string;
  report: ConversionReport;
  keysCsv: Blob | null;
}

export interface ConvertFileDeps {
  randomBytes: (length: number) => Uint8Array;
  onProgress: (progress: ConversionProgress) => void;
  chunkSize?: number;
  /** Defaults to hashing inline; the worker shell hashes in a nested worker. */
  hasher?: StreamHasher;
}

/**
 * Runs the core conversion over a File/Blob: reads it in slices, hashes source and output
 * incrementally (the bytes are handed to the hasher after use; it may detach them) and keeps the output as per-chunk Blob parts, so the worker heap holds at most one
 * chunk of output (Blob data moves to the browser's blob storage; perf-notes.md sec. 4).
 */
export async function convertFile(file: Blob, options: ConvertOptions, deps: ConvertFileDeps): Promise<ConvertFileResult> {
  const encoder = new TextEncoder();
  const hasher = deps.hasher ?? createInlineHasher();
  const outputParts: Blob[] = [];
  const keyParts: Blob[] = [];
  let outputSize = 0;
  const session = createConversion(
    options,
    {
      onOutput(text) {
        const bytes = encoder.encode(text);
        outputSize += bytes.length;
        outputParts.push(new Blob([bytes]));
        hasher.output(bytes);
      },
      onKeys(text) {
        keyParts.push(new Blob([text]));
      },
    },
    { randomBytes: deps.randomBytes },
  );
  const chunkSize = deps.chunkSize ?? READ_CHUNK;
  for (let offset = 0; offset < file.size; offset += chunkSize) {
    const bytes = new Uint8Array(await file.slice(offset, offset + chunkSize).arrayBuffer());
    session.push(bytes);
    hasher.source(bytes);
    deps.onProgress({ records: session.records, bytesRead: Math.min(offset + chunkSize, file.size), totalBytes: file.size });
  }
  const report = session.finish();
  deps.onProgress({ records: report.total, bytesRead: file.size, totalBytes: file.size });
  const written = report.written === true;
  const { sourceSha256, outputSha256 } = await hasher.digest();
  return {
    output: new Blob(written ? outputParts : [], { type: 'application/x-ndjson' }),
    outputSize: written ? outputSize : 0,
    outputSha256: written ? outputSha256 : EMPTY_SHA256,
    sourceSha256,
    report,
    keysCsv: written && options.keyPolicy === 'generate-here' ? new Blob(keyParts, { type: 'text/csv' }) : null,
  };
}
