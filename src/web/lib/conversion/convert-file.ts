import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createConversion } from '../../../core/convert/create-conversion';
import type { ConversionProgress, ConversionReport, ConvertOptions } from '../../../core/convert/types';

// 4 MiB reads: few enough Blob parts and progress events, small enough to keep memory flat.
const READ_CHUNK = 4 * 1024 * 1024;

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
}

/**
 * Runs the core conversion over a File/Blob: reads it in slices, hashes source and output
 * incrementally and keeps the output as per-chunk Blob parts, so the worker heap holds at most one
 * chunk of output (Blob data moves to the browser's blob storage; perf-notes.md sec. 4).
 */
export async function convertFile(file: Blob, options: ConvertOptions, deps: ConvertFileDeps): Promise<ConvertFileResult> {
  const encoder = new TextEncoder();
  const sourceHash = sha256.create();
  const outputHash = sha256.create();
  const outputParts: Blob[] = [];
  const keyParts: Blob[] = [];
  let outputSize = 0;
  const session = createConversion(
    options,
    {
      onOutput(text) {
        const bytes = encoder.encode(text);
        outputHash.update(bytes);
        outputSize += bytes.length;
        outputParts.push(new Blob([bytes]));
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
    sourceHash.update(bytes);
    session.push(bytes);
    deps.onProgress({ records: session.records, bytesRead: Math.min(offset + chunkSize, file.size), totalBytes: file.size });
  }
  const report = session.finish();
  deps.onProgress({ records: report.total, bytesRead: file.size, totalBytes: file.size });
  const written = report.written === true;
  return {
    output: new Blob(written ? outputParts : [], { type: 'application/x-ndjson' }),
    outputSize: written ? outputSize : 0,
    outputSha256: bytesToHex(written ? outputHash.digest() : sha256(new Uint8Array(0))),
    sourceSha256: bytesToHex(sourceHash.digest()),
    report,
    keysCsv: written && options.keyPolicy === 'generate-here' ? new Blob(keyParts, { type: 'text/csv' }) : null,
  };
}
