import { toCsvBlob } from '../../../lib/csv-escape';
import type { ErrorRow } from './error-rows';

export const FAILED_ROWS_HEADER = [
  'deviceId',
  'moduleId',
  'errorCode',
  'errorName',
  'errorStatus',
  'meaning',
  'whatToDo',
  'sourceLine',
  'sourceRow',
];

/** The failed rows for people (spreadsheets): formula-safe CSV through toCsvBlob. */
export function buildFailedRowsCsv(rows: readonly ErrorRow[]): Blob {
  return toCsvBlob(
    FAILED_ROWS_HEADER,
    rows.map((row) => [
      row.deviceId,
      row.moduleId,
      row.errorCode,
      row.info.name,
      row.errorStatus,
      row.info.meaning,
      row.info.whatToDo,
      row.source?.line ?? null,
      row.source?.values ?? null,
    ]),
  );
}

/**
 * The import file handed to the wizard for a retry: core's retry builder picked and retargeted the
 * lines; importMode is removed again so the wizard's "Default import mode", which the admin may
 * still change, decides the mode of every row.
 */
export function withoutImportMode(ndjson: string): Blob {
  const lines = ndjson.split('\n').filter((line) => line.trim() !== '');
  return new Blob(
    lines.map((line) => {
      const device = JSON.parse(line) as Record<string, unknown>;
      delete device['importMode'];
      return `${JSON.stringify(device)}\n`;
    }),
    { type: 'application/x-ndjson' },
  );
}
