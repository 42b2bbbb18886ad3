import { selectionActionLine } from '../../../core/bulk/selection-action';
import type { SelectionAction } from '../../../core/bulk/selection-action';
import { readRecordDevice } from '../../../core/registry/read-record-device';

export interface SelectionImport {
  file: Blob;
  written: number;
  leftOut: Record<string, number>;
}

// The same lines `iot-bulk act` writes (src/cli/run-act-command.ts), from the records the browser
// keeps. Parts of about a megabyte, so a million lines never become one string.
const PART_CHARS = 1_000_000;

/** The import that applies `action` to the records at `indices` (all when absent), in file order. */
export function buildSelectionImport(
  action: SelectionAction,
  texts: readonly string[],
  indices?: Int32Array,
): SelectionImport {
  const parts: string[] = [];
  const leftOut: Record<string, number> = {};
  let written = 0;
  let chunk = '';
  const count = indices === undefined ? texts.length : indices.length;
  for (let position = 0; position < count; position++) {
    const text = texts[indices === undefined ? position : (indices[position] ?? -1)];
    if (text === undefined) continue;
    const device = readRecordDevice(text);
    const result = selectionActionLine(action, {
      id: device.id,
      ...(device.moduleId !== undefined ? { moduleId: device.moduleId } : {}),
      line: 0,
      text,
      device,
    });
    if ('skipped' in result) {
      leftOut[result.skipped] = (leftOut[result.skipped] ?? 0) + 1;
      continue;
    }
    written++;
    chunk += result.line + '\n';
    if (chunk.length > PART_CHARS) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  return { file: new Blob(parts, { type: 'application/x-ndjson' }), written, leftOut };
}
