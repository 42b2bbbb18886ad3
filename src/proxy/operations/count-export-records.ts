import { exportRecordKind } from '../../core/registry/export-record-kind';
import { createExportLineReader } from '../../core/registry/read-export-lines';

// Counts the device and module lines of an export's devices.txt without holding the file: an export
// of 1M devices is hundreds of MB. The lines are core's reading of an export
// (core/registry/read-export-lines.ts), the same as the registry browser's, and each is counted by
// core's exportRecordKind. Never log a line: exports may hold keys.

export interface ExportRecordCounts {
  devices: number;
  modules: number;
}

export interface ExportRecordCounter {
  push(chunk: Uint8Array): void;
  /** Counts the last line when the file does not end with a newline, and returns the totals. */
  end(): ExportRecordCounts;
}

/**
 * Far above any hub line (a twin is capped at a few tens of kB); a longer line keeps only this
 * much, enough to tell a record from a comment.
 */
const MAX_LINE_CHARS = 4 * 1024 * 1024;

export function createExportRecordCounter(): ExportRecordCounter {
  const counts: ExportRecordCounts = { devices: 0, modules: 0 };
  // Streaming: a UTF-8 character split across chunks is joined; the BOM is dropped.
  const decoder = new TextDecoder('utf-8');
  const lines = createExportLineReader(
    {
      record(text, line) {
        const kind = exportRecordKind(text, line);
        if (kind === 'device') counts.devices++;
        else if (kind === 'module') counts.modules++;
      },
      comment: () => undefined,
    },
    { maxLineChars: MAX_LINE_CHARS },
  );
  return {
    push(chunk) {
      lines.push(decoder.decode(chunk, { stream: true }));
    },
    end() {
      lines.push(decoder.decode());
      lines.end();
      return { ...counts };
    },
  };
}

/** Counts a whole stream; the stream is consumed and, on an error, destroyed by the loop. */
export async function countExportRecords(
  stream: AsyncIterable<Uint8Array | string>,
): Promise<ExportRecordCounts> {
  const counter = createExportRecordCounter();
  for await (const chunk of stream)
    counter.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return counter.end();
}
