import type { ExportImportDevice } from '../model/export-import-device';

// A snapshot keeps each device as its line's text (registry-types.ts, RegistryRecord) and parses it
// again where the fields are needed. Those texts were all accepted by parseExportLine (a JSON
// object with an id), so this one reading of a kept line may take the parse for a device.
export function readRecordDevice(text: string): ExportImportDevice {
  return JSON.parse(text) as ExportImportDevice;
}
