import { IMPORT_MODES, type ImportMode } from '../model/import-mode';
import type { DeviceStatus } from '../model/export-import-device';
import { jsonString } from './json-text';
import type { AuthKind } from './resolve-authentication';
import type { RowDraft } from './row-draft';

const DELETE_MODES: ReadonlySet<ImportMode> = new Set(['delete', 'deleteIfMatchETag']);

// Constant fragments joined ahead of time: every `+` leaves one more cons-string node to flatten
// when the line is encoded.
const MODE_STATUS = new Map<ImportMode, Record<DeviceStatus, string>>(
  IMPORT_MODES.map((mode) => [
    mode,
    {
      enabled: `"importMode":"${mode}","status":"enabled"`,
      disabled: `"importMode":"${mode}","status":"disabled"`,
    },
  ]),
);
const TWIN_MODES: ReadonlySet<ImportMode> = new Set(['updateTwin', 'updateTwinIfMatchETag']);

export interface LineValues {
  mode: ImportMode;
  status: DeviceStatus;
  eTag: string | undefined;
  /**
   * Undefined when the line carries no authentication (hub generates keys, twin and delete modes).
   */
  auth: Exclude<AuthKind, 'keys-missing'> | undefined;
  iotEdge: boolean | undefined;
  parentScopes: string[] | undefined;
}

/**
 * One canonical import line, LF-terminated (fields in the order of
 * docs/reference/hub-wire-contract.md#line-fields), written by string concatenation: the same bytes
 * as JSON.stringify of the import object, at a fraction of the cost (JSON.stringify of 1M objects
 * is the largest single cost; docs/reference/measured-baselines.md#json-cost). Ids, module ids,
 * keys and thumbprints are validated to characters that need no escaping before they get here.
 */
export function writeImportLine(id: string, d: RowDraft, v: LineValues): string {
  const deleting = DELETE_MODES.has(v.mode);
  let line = '{"id":"' + id + '",';
  if (d.moduleId !== undefined) line += '"moduleId":"' + d.moduleId + '",';
  if (v.eTag !== undefined) line += '"eTag":' + jsonString(v.eTag) + ',';
  line += MODE_STATUS.get(v.mode)![v.status];
  if (d.statusReason !== undefined) line += ',"statusReason":' + jsonString(d.statusReason);
  if (v.auth === 'sas')
    line +=
      ',"authentication":{"symmetricKey":{"primaryKey":"' +
      d.primaryKey +
      '","secondaryKey":"' +
      d.secondaryKey +
      '"},"type":"sas"}';
  else if (v.auth === 'selfSigned') {
    const secondary =
      d.secondaryThumbprint === undefined ? 'null' : '"' + d.secondaryThumbprint + '"';
    line +=
      ',"authentication":{"x509Thumbprint":{"primaryThumbprint":"' +
      d.primaryThumbprint +
      '","secondaryThumbprint":' +
      secondary +
      '},"type":"selfSigned"}';
  } else if (v.auth === 'certificateAuthority')
    line += ',"authentication":{"type":"certificateAuthority"}';
  if (!deleting) {
    if (d.twinETag !== undefined) line += ',"twinETag":' + jsonString(d.twinETag);
    if (d.tagsText !== '') line += ',"tags":{' + d.tagsText + '}';
    else if (d.tags !== undefined) line += ',"tags":' + JSON.stringify(d.tags);
    if (d.desiredText !== '') line += ',"properties":{"desired":{' + d.desiredText + '}}';
    else if (d.desired !== undefined)
      line += ',"properties":{"desired":' + JSON.stringify(d.desired) + '}';
    if (v.iotEdge !== undefined && !TWIN_MODES.has(v.mode))
      line += ',"capabilities":{"iotEdge":' + (v.iotEdge ? 'true' : 'false') + '}';
    if (d.deviceScope !== undefined) line += ',"deviceScope":' + jsonString(d.deviceScope);
    if (v.parentScopes !== undefined) line += ',"parentScopes":' + JSON.stringify(v.parentScopes);
  }
  return line + '}\n';
}
