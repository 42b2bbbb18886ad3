import { csvCell } from '../convert/csv/csv-cell';
import type { RegistryDiff } from './diff-types';

const HEADER = ['kind', 'id', 'moduleId', 'fields'];

/** CSV lines (CRLF, as RFC 4180 and Excel expect), header first; fields joined with `;`. */
export function* diffCsvLines(diff: RegistryDiff): Generator<string> {
  yield HEADER.join(',') + '\r\n';
  for (const change of diff.changes) {
    yield (
      [change.kind, change.id, change.moduleId ?? '', change.fields.join(';')]
        .map((cell) => csvCell(cell))
        .join(',') + '\r\n'
    );
  }
}

export function formatDiffCsv(diff: RegistryDiff): string {
  return [...diffCsvLines(diff)].join('');
}
