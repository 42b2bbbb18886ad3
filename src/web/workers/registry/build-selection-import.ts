import { isKeyRegeneration, regenerateKeysLine } from '../../../core/bulk/regenerate-keys';
import type { DeviceKeys, KeyRegeneration } from '../../../core/bulk/regenerate-keys';
import { selectionActionLine } from '../../../core/bulk/selection-action';
import type { SelectionAction } from '../../../core/bulk/selection-action';
import type { RegistryEntry } from '../../../core/registry/registry-types';
import { readRecordDevice } from '../../../core/registry/read-record-device';
import { toCsvLine } from '../../lib/csv-escape';

/** What "Act on N devices" offers: the CLI's actions and the browser-only key regenerations. */
export type BrowseAction = SelectionAction | KeyRegeneration;

export interface SelectionImport {
  file: Blob;
  written: number;
  leftOut: Record<string, number>;
  /** Key regenerations only: `id,primaryKey,secondaryKey` of every line written. */
  newKeys?: Blob;
}

// The same lines `iot-bulk act` writes (src/cli/run-act-command.ts), from the records the browser
// keeps. Parts of about a megabyte, so a million lines never become one string.
const PART_CHARS = 1_000_000;

const KEYS_HEADER = ['id', 'primaryKey', 'secondaryKey'];

const cryptoBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/**
 * The import that applies `action` to the records at `indices` (all when absent), in file order.
 * A key regeneration also returns the new keys as a CSV (formula-guarded cells), kept only in the
 * browser's blob store until the admin downloads them.
 */
export function buildSelectionImport(
  action: BrowseAction,
  texts: readonly string[],
  indices?: Int32Array,
  randomBytes: (length: number) => Uint8Array = cryptoBytes,
): SelectionImport {
  const parts: string[] = [];
  const leftOut: Record<string, number> = {};
  const keyParts: string[] = [toCsvLine(KEYS_HEADER) + '\r\n'];
  let keyChunk = '';
  let written = 0;
  let chunk = '';
  const lineFor = (
    entry: RegistryEntry,
  ): { line: string; keys?: DeviceKeys } | { skipped: string } =>
    isKeyRegeneration(action)
      ? regenerateKeysLine(action, entry, randomBytes)
      : selectionActionLine(action, entry);
  const count = indices === undefined ? texts.length : indices.length;
  for (let position = 0; position < count; position++) {
    const text = texts[indices === undefined ? position : (indices[position] ?? -1)];
    if (text === undefined) continue;
    const device = readRecordDevice(text);
    const result = lineFor({
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
    if (result.keys)
      keyChunk += toCsvLine([device.id, result.keys.primaryKey, result.keys.secondaryKey]) + '\r\n';
    if (chunk.length > PART_CHARS) {
      parts.push(chunk);
      chunk = '';
    }
    if (keyChunk.length > PART_CHARS) {
      keyParts.push(keyChunk);
      keyChunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  if (keyChunk) keyParts.push(keyChunk);
  return {
    file: new Blob(parts, { type: 'application/x-ndjson' }),
    written,
    leftOut,
    ...(isKeyRegeneration(action)
      ? { newKeys: new Blob(keyParts, { type: 'text/csv;charset=utf-8' }) }
      : {}),
  };
}
