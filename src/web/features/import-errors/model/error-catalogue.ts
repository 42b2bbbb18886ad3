import type { ImportMode } from '../../../../core/model/import-mode';

// Local adapter until core ships its catalogue (src/core/import-errors/): every code the hub writes
// to importErrors.log (hub-protocol.md 5.2 and 7.2), in plain words for support staff.

export interface ErrorCatalogueEntry {
  name: string;
  meaning: string;
  action: string;
  /** The mode a retry of these rows should usually use; null when a mode change does not help. */
  retryMode: ImportMode | null;
}

const CATALOGUE: Record<number, ErrorCatalogueEntry> = {
  400004: { name: 'ArgumentInvalid', meaning: 'A value was rejected by the hub: key length, thumbprint, twin key or device id.', action: 'Correct the value in the source row and import the row again.', retryMode: null },
  400011: { name: 'DeviceDefinedMultipleTimes', meaning: 'The same device id appears more than once in the file.', action: 'Keep one row per device id and import again.', retryMode: null },
  400012: { name: 'DeserializationError', meaning: 'The hub could not read this line of the import file.', action: 'Check the line’s format (field names, value types) and import it again.', retryMode: null },
  403002: { name: 'IotHubQuotaExceeded', meaning: 'The hub reached its device quota while importing.', action: 'Raise the hub’s units or remove unused devices; then retry these rows in small batches.', retryMode: null },
  404001: { name: 'DeviceNotFound', meaning: 'The device does not exist, so it could not be updated or deleted.', action: 'Check the id; to add it instead, retry with create or createOrUpdate.', retryMode: 'createOrUpdate' },
  404010: { name: 'ModuleNotFound', meaning: 'The module does not exist on the device.', action: 'Check the module id, or retry with createOrUpdate to add it.', retryMode: 'createOrUpdate' },
  409001: { name: 'DeviceAlreadyExists', meaning: 'A device with this id is already registered; create never overwrites.', action: 'To update it instead, retry these rows with createOrUpdate.', retryMode: 'createOrUpdate' },
  409301: { name: 'ModuleAlreadyExistsOnDevice', meaning: 'The module already exists on this device.', action: 'To update it instead, retry with createOrUpdate.', retryMode: 'createOrUpdate' },
  412001: { name: 'PreconditionFailed', meaning: 'The eTag in the file does not match the device’s current eTag: it changed since the file was made.', action: 'Export again to get fresh eTags, or retry with a mode that does not check eTags.', retryMode: 'createOrUpdate' },
  429001: { name: 'ThrottlingException', meaning: 'The hub throttled the import of this device.', action: 'Retry these rows later.', retryMode: null },
  500001: { name: 'ServerError', meaning: 'The hub had an internal error with this device.', action: 'Retry these rows; if it repeats, contact Azure support with the job id.', retryMode: null },
  503001: { name: 'ServiceUnavailable', meaning: 'The hub was temporarily unavailable for this device.', action: 'Retry these rows in a few minutes.', retryMode: null },
};

const UNKNOWN: ErrorCatalogueEntry = { name: 'Unknown', meaning: 'The hub reported an error this console does not know.', action: 'Read the error text; retry the row or contact support with the job id.', retryMode: null };
const UNREADABLE: ErrorCatalogueEntry = { name: 'Unreadable log line', meaning: 'This line of the error log is not in the hub’s usual format.', action: 'Read the raw text; report it if it repeats.', retryMode: null };

export function lookupErrorCode(code: number | null): ErrorCatalogueEntry {
  if (code === null) return UNREADABLE;
  return CATALOGUE[code] ?? UNKNOWN;
}
