import type { ExportImportDevice } from '../../../core/model/export-import-device';
import { readRecordDevice } from '../../../core/registry/read-record-device';
import { toCsvBlob } from '../../lib/csv-escape';
import { maskDeviceKeys, readDeviceKeys } from './mask-device-keys';

type Cell = string | number | boolean | null | undefined;

const CSV_HEADER = [
  'id',
  'moduleId',
  'status',
  'statusReason',
  'authType',
  'hasKeys',
  'primaryThumbprint',
  'secondaryThumbprint',
  'iotEdge',
  'deviceScope',
  'tags',
  'desired',
];

function* selected(
  texts: readonly string[],
  indices: Int32Array | undefined,
): Generator<ExportImportDevice> {
  if (indices === undefined) {
    for (const text of texts) yield readRecordDevice(text);
    return;
  }
  for (const index of indices) {
    const text = texts[index];
    if (text !== undefined) yield readRecordDevice(text);
  }
}

function csvRow(device: ExportImportDevice): Cell[] {
  const auth = device.authentication;
  const thumbs = auth?.x509Thumbprint;
  const desired = device.properties?.desired;
  return [
    device.id,
    device.moduleId,
    device.status,
    device.statusReason,
    auth?.type,
    // Keys never leave the browser in a download: the CSV says only whether the export had them.
    Object.keys(readDeviceKeys(device)).length > 0,
    thumbs?.primaryThumbprint,
    thumbs?.secondaryThumbprint,
    device.capabilities?.iotEdge === true,
    device.deviceScope,
    device.tags && Object.keys(device.tags).length > 0 ? JSON.stringify(device.tags) : '',
    desired && Object.keys(desired).length > 0 ? JSON.stringify(desired) : '',
  ];
}

/** The browsed records as CSV (formula-safe cells), in the order of `indices`. */
export function buildRegistryCsv(texts: readonly string[], indices?: Int32Array): Blob {
  return toCsvBlob(
    CSV_HEADER,
    (function* () {
      for (const device of selected(texts, indices)) yield csvRow(device);
    })(),
  );
}

/** The browsed records as NDJSON, keys masked, built from parts so no giant string is made. */
export function buildRegistryNdjson(texts: readonly string[], indices?: Int32Array): Blob {
  const parts: string[] = [];
  let chunk = '';
  for (const device of selected(texts, indices)) {
    chunk += JSON.stringify(maskDeviceKeys(device)) + '\n';
    if (chunk.length > 1_000_000) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (chunk) parts.push(chunk);
  return new Blob(parts, { type: 'application/x-ndjson' });
}
