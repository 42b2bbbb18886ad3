import { Readable } from 'node:stream';
import type { BlockBlobClient } from '@azure/storage-blob';
import type { HubStore } from '../store/hub-store';
import type { JobRecord } from './job-record';

// importErrors.log is LF-terminated JSON lines, written (empty) even on a clean run
// (docs/reference/hub-wire-contract.md#recorded-traffic). The lines were committed with their
// batches, so a resumed job writes the same log as an uninterrupted one.
const PAGE = 5000;

export async function writeImportErrorsLog(
  job: JobRecord,
  store: HubStore,
  blob: BlockBlobClient,
): Promise<void> {
  if (job.errorCount === 0) {
    await blob.upload('', 0);
    return;
  }
  async function* lines(): AsyncGenerator<Buffer> {
    let after = 0;
    for (;;) {
      const rows = store.readJobErrors(job.jobId, after, PAGE);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]?.seq ?? after;
      yield Buffer.from(rows.map((row) => `${row.line}\n`).join(''));
    }
  }
  await blob.uploadStream(Readable.from(lines()), 4 * 1024 * 1024, 2, {
    blobHTTPHeaders: { blobContentType: 'text/plain' },
  });
}
