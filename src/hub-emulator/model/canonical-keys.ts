import { IMPORT_LINE_FIELDS } from '../../core/model/export-import-device';

// The service deserializes request JSON with Newtonsoft.Json, which matches property names
// case-insensitively when no exact match exists: the Node SDK's bulk updateDevices sends the
// device's `etag` where ExportImportDevice names it `eTag`, and the hub still honours it
// (docs/hub-emulator.md). Dictionaries (tags, desired, reported) keep their keys as written.
export type Json = Record<string, unknown>;

export type KeyCanonicalizer = (json: Json) => Json;

export function keyCanonicalizer(names: readonly string[]): KeyCanonicalizer {
  const exact = new Set(names);
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  return (json) => {
    // Almost every body already uses the exact names: answer without copying.
    let clean = true;
    for (const key in json) {
      if (!exact.has(key)) {
        clean = false;
        break;
      }
    }
    if (clean) return json;
    const result: Json = {};
    for (const [key, value] of Object.entries(json)) {
      const canonical = exact.has(key) ? key : byLowerCase.get(key.toLowerCase());
      if (canonical === undefined) result[key] = value;
      // An exact spelling wins over a differently cased one, whatever their order.
      else if (canonical === key || !(canonical in json)) result[canonical] = value;
    }
    return result;
  };
}

export const importLineKeys = keyCanonicalizer(IMPORT_LINE_FIELDS);

export const deviceBodyKeys = keyCanonicalizer([
  'deviceId',
  'moduleId',
  'etag',
  'generationId',
  'status',
  'statusReason',
  'authentication',
  'capabilities',
  'deviceScope',
  'parentScopes',
  'managedBy',
]);

export const authenticationKeys = keyCanonicalizer(['symmetricKey', 'x509Thumbprint', 'type']);
export const symmetricKeyKeys = keyCanonicalizer(['primaryKey', 'secondaryKey']);
export const thumbprintKeys = keyCanonicalizer(['primaryThumbprint', 'secondaryThumbprint']);
export const capabilitiesKeys = keyCanonicalizer(['iotEdge']);
export const twinKeys = keyCanonicalizer(['tags', 'properties']);
export const propertiesKeys = keyCanonicalizer(['desired', 'reported']);

export const configurationKeys = keyCanonicalizer([
  'id',
  'schemaVersion',
  'labels',
  'content',
  'targetCondition',
  'createdTimeUtc',
  'lastUpdatedTimeUtc',
  'priority',
  'systemMetrics',
  'metrics',
  'etag',
]);
export const configurationContentKeys = keyCanonicalizer([
  'deviceContent',
  'modulesContent',
  'moduleContent',
]);
export const configurationMetricsKeys = keyCanonicalizer(['results', 'queries']);
