import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportImportDevice } from '../../../../../src/core/model/export-import-device';
import type { RegistryEntry } from '../../../../../src/core/registry/registry-types';

// The export in the live format (tests/fixtures/hub-export/README.md): an edge hierarchy whose
// leaf comes before its ancestors, runtime modules, custom modules, an X.509 device.
const FIXTURE = join(import.meta.dirname, '../../../../fixtures/hub-export');

export const fixtureDevicesText = (): string => readFileSync(join(FIXTURE, 'devices.txt'), 'utf8');
export const fixtureConfigurationsText = (): string =>
  readFileSync(join(FIXTURE, 'configurations.txt'), 'utf8');

/** The text in chunks of `size` characters, as a stream hands it out, for each pass afresh. */
export function chunked(text: string, size = 700): () => AsyncIterable<string> {
  return async function* () {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  };
}

export function entry(device: ExportImportDevice, line = 1): RegistryEntry {
  return {
    id: device.id,
    ...(device.moduleId !== undefined ? { moduleId: device.moduleId } : {}),
    line,
    text: JSON.stringify(device),
    device,
  };
}
