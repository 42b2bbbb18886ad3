import { diffCsvLines, toDiffJson } from '../../../core/diff';
import type { RegistryDiff } from '../../../core/diff';

const PART_CHARS = 1_000_000;

function toBlob(pieces: Iterable<string>, type: string): Blob {
  const parts: string[] = [];
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length > PART_CHARS) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  return new Blob(parts, { type });
}

// The same layout as core's formatDiffJson (one change per line), written in parts so a diff of a
// million changes never becomes one string.
function* diffJsonPieces(diff: RegistryDiff): Generator<string> {
  const json = toDiffJson(diff);
  yield `{"summary":${JSON.stringify(json.summary)},"changes":`;
  if (json.changes.length === 0) {
    yield '[]}\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < json.changes.length; i++)
    yield (i === 0 ? '' : ',\n') + JSON.stringify(json.changes[i]);
  yield '\n]}\n';
}

/**
 * The diff as the CLI's `--json` shape or as formula-safe CSV; ids and field names only, never a
 * value.
 */
export function buildDiffDownload(diff: RegistryDiff, format: 'csv' | 'json'): Blob {
  return format === 'csv'
    ? toBlob(diffCsvLines(diff), 'text/csv;charset=utf-8')
    : toBlob(diffJsonPieces(diff), 'application/json');
}
