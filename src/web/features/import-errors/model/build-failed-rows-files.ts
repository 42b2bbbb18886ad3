import { toCsvBlob } from '../../../lib/csv-escape';
import type { ErrorRow } from './error-rows';

export const FAILED_ROWS_HEADER = ['deviceId', 'moduleId', 'errorCode', 'errorName', 'errorStatus', 'meaning', 'whatToDo', 'sourceLine', 'sourceRow'];

/** The failed rows for people (spreadsheets): formula-safe CSV through toCsvBlob. */
export function buildFailedRowsCsv(rows: readonly ErrorRow[]): Blob {
  return toCsvBlob(
    FAILED_ROWS_HEADER,
    rows.map((row) => [row.deviceId, row.moduleId, row.code, row.info.name, row.status, row.info.meaning, row.info.action, row.source?.line ?? null, row.source?.values ?? null]),
  );
}

/**
 * An NDJSON import file from the original device lines. With `dropMode`, each line loses its
 * importMode so the wizard's default mode (chosen by the admin) applies to all of them.
 */
export function buildImportFile(deviceLines: readonly string[], dropMode: boolean): Blob {
  const lines = dropMode
    ? deviceLines.map((line) => {
        const device = JSON.parse(line) as Record<string, unknown>;
        delete device['importMode'];
        return JSON.stringify(device);
      })
    : deviceLines;
  return new Blob(lines.map((line) => `${line}\n`), { type: 'application/x-ndjson' });
}
