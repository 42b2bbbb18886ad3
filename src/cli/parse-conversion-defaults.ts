import type { InputFormat } from '../core/convert/types';
import type { DeviceStatus } from '../core/model/export-import-device';
import { parseImportMode, type ImportMode } from '../core/model/import-mode';

// `--format`, `--mode` and `--status`: how a CSV or JSON list is read and what its rows default
// to, the same words for `convert`/`validate` and for `plan`/`undo` of a list.

const FORMATS = ['auto', 'csv', 'json', 'ndjson'] as const;

export interface ConversionDefaults {
  format: InputFormat | 'auto';
  mode: ImportMode;
  status: DeviceStatus;
}

export function parseConversionDefaults(values: {
  format: string;
  mode: string;
  status: string;
}): { ok: ConversionDefaults } | { usageError: string } {
  const format = values.format as InputFormat | 'auto';
  if (!(FORMATS as readonly string[]).includes(format))
    return { usageError: `--format must be one of ${FORMATS.join(', ')}` };
  const mode = parseImportMode(values.mode);
  if (!mode) return { usageError: `--mode "${values.mode}" is not an import mode` };
  const status = values.status.toLowerCase();
  if (status !== 'enabled' && status !== 'disabled')
    return { usageError: '--status must be enabled or disabled' };
  return { ok: { format, mode, status } };
}
