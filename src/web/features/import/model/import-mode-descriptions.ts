import type { ImportMode } from '../../../../core/model/import-mode';
import { DESTRUCTIVE_IMPORT_MODES, IMPORT_MODES } from '../../../../core/model/import-mode';

// One line per mode, in the hub's terms (docs/reference/hub-wire-contract.md#import-modes): what
// happens to a device that exists and to one that does not.
const DESCRIPTIONS: Record<ImportMode, string> = {
  create:
    'Adds new devices; a device that already exists is reported as an error and left unchanged.',
  createOrUpdate:
    'Adds new devices and replaces existing ones with the file’s values (identity and twin).',
  createOrUpdateIfMatchETag:
    'Like createOrUpdate, but replaces an existing device only if its eTag matches the file.',
  update:
    'Replaces existing devices’ identity with the file’s values; a missing device is an error.',
  updateIfMatchETag: 'Like update, but only where the device’s eTag matches the file.',
  updateTwin:
    'Replaces existing devices’ twin tags and desired properties; identities stay as they are.',
  updateTwinIfMatchETag: 'Like updateTwin, but only where the twin’s eTag matches the file.',
  delete: 'Deletes the listed devices from the hub. This cannot be undone.',
  deleteIfMatchETag:
    'Deletes the listed devices only where their eTag matches the file. This cannot be undone.',
};

export interface ImportModeDescription {
  mode: ImportMode;
  description: string;
  destructive: boolean;
}

export const IMPORT_MODE_DESCRIPTIONS: readonly ImportModeDescription[] = IMPORT_MODES.map(
  (mode) => ({
    mode,
    description: DESCRIPTIONS[mode],
    destructive: DESTRUCTIVE_IMPORT_MODES.includes(mode),
  }),
);

export function describeImportMode(mode: ImportMode): string {
  return DESCRIPTIONS[mode];
}
