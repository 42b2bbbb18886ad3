import { createConversion } from '../../../core/convert/create-conversion';
import type {
  ConversionProgress,
  ConversionReport,
  ConvertOptions,
} from '../../../core/convert/types';
import { readBlobSlices } from '../../lib/streams/read-blob-slices';
import { messageOf, WorkerError } from '../channel/worker-error';
import { createInlineHasher, type Checksums, type StreamHasher } from './stream-hasher';

// 1 MiB reads: a few hundred Blob parts and progress events at 1M rows, and the per-chunk garbage
// (row arrays, line strings) stays small, which keeps the renderer peak low.
const READ_CHUNK = 1024 * 1024;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface ConvertFileResult {
  output: Blob;
  outputSize: number;
  report: ConversionReport;
  keysCsv: Blob | null;
  /**
   * Settles after the result: hashing ~450 MB at 1M rows takes seconds and only the upload needs
   * it.
   */
  checksums: Promise<Checksums>;
}

export interface ConvertFileDeps {
  randomBytes: (length: number) => Uint8Array;
  onProgress: (progress: ConversionProgress) => void;
  chunkSize?: number;
  /** Defaults to hashing inline; the worker shell hashes in a nested worker. */
  hasher?: StreamHasher;
}

// A read fails when the file changed or vanished after it was picked (NotReadableError): that is
// the file, not the conversion, and the UI says so.
const unreadable = (error: unknown): Error => new WorkerError('FILE_UNREADABLE', messageOf(error));

/**
 * Runs the core conversion over a File/Blob: reads it in slices, hands source slices and output
 * parts to the hasher as Blobs, and keeps the output as per-chunk Blob parts, so the worker heap
 * holds at most one chunk of output (Blob data moves to the browser's blob storage;
 * docs/reference/measured-baselines.md#conversion-in-the-browser). The next slice is read while the
 * current one converts: the read is the browser's I/O, so it costs the worker nothing to overlap.
 */
export async function convertFile(
  file: Blob,
  options: ConvertOptions,
  deps: ConvertFileDeps,
): Promise<ConvertFileResult> {
  const hasher = deps.hasher ?? createInlineHasher();
  const outputParts: Blob[] = [];
  const keyParts: Blob[] = [];
  let outputSize = 0;
  const session = createConversion(
    options,
    {
      onOutput(bytes) {
        const part = new Blob([bytes]);
        outputSize += bytes.length;
        outputParts.push(part);
        hasher.output(part);
      },
      onKeys(text) {
        keyParts.push(new Blob([text]));
      },
    },
    { randomBytes: deps.randomBytes },
  );
  const slices = readBlobSlices(file, {
    sliceBytes: deps.chunkSize ?? READ_CHUNK,
    readAhead: 1,
    readError: unreadable,
  });
  for await (const { bytes, offset, end } of slices) {
    session.push(bytes);
    hasher.source(file.slice(offset, end));
    deps.onProgress({ records: session.records, bytesRead: end, totalBytes: file.size });
  }
  const report = session.finish();
  deps.onProgress({ records: report.total, bytesRead: file.size, totalBytes: file.size });
  const written = report.written === true;
  const checksums = hasher.digest().then(({ sourceSha256, outputSha256 }) => ({
    sourceSha256,
    outputSha256: written ? outputSha256 : EMPTY_SHA256,
  }));
  return {
    output: new Blob(written ? outputParts : [], { type: 'application/x-ndjson' }),
    outputSize: written ? outputSize : 0,
    report,
    keysCsv:
      // Keys made here (a key policy, or the missing half of a one-key row) go to the admin once.
      written && (report.generatedKeys ?? 0) > 0 ? new Blob(keyParts, { type: 'text/csv' }) : null,
    checksums,
  };
}
