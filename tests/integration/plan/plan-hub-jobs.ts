import { expect } from 'vitest';
import {
  parseImportErrorLog,
  type ImportErrorEntry,
} from '../../../src/core/import-errors/parse-import-error-log';
import { serializePlanLines } from '../../../src/core/diff/serialize-plan-line';
import type { ExportImportDevice } from '../../../src/core/model/export-import-device';
import { identityFromExportLine, type IdentityState } from '../../../src/core/plan/identity-state';
import { readLineKey } from '../../../src/core/plan/read-line-key';
import { deviceKey } from '../../../src/core/registry/device-key';
import {
  rawRequest,
  readBlobText,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';

// Real import and export jobs against the emulator and Azurite, for the plan's integration tests:
// each job gets a container of its own, as the console gives each operation one.
let containers = 0;

export async function runImport(
  hub: TestHub,
  storage: TestStorage,
  text: string,
): Promise<ImportErrorEntry[]> {
  const container = await storage.container(`plan-import-${++containers}`);
  await uploadText(container.client, 'devices.txt', text);
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'import',
      inputBlobContainerUri: container.sasUrl('rl'),
      outputBlobContainerUri: container.sasUrl('rwdl'),
    },
  });
  expect(created.status).toBe(200);
  const job = await waitForJob(hub, (created.json as { jobId: string }).jobId, 120_000);
  expect(job.status).toBe('completed');
  return [...parseImportErrorLog([await readBlobText(container.client, 'importErrors.log')])];
}

/** An export with keys, as the plan's registry snapshot is taken. */
export async function runExport(hub: TestHub, storage: TestStorage): Promise<string> {
  const container = await storage.container(`plan-export-${++containers}`);
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'export',
      outputBlobContainerUri: container.sasUrl('rwdl'),
      excludeKeysInExport: false,
    },
  });
  expect(created.status).toBe(200);
  const job = await waitForJob(hub, (created.json as { jobId: string }).jobId, 120_000);
  expect(job.status).toBe('completed');
  return readBlobText(container.client, 'devices.txt');
}

export function ndjson(lines: (ExportImportDevice | Record<string, unknown> | string)[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join('');
}

export function linesText(lines: Iterable<ExportImportDevice>): string {
  return [...serializePlanLines(lines)].join('');
}

/** Identities of an export by deviceKey. */
export function identitiesOf(exportText: string): Map<string, IdentityState> {
  const out = new Map<string, IdentityState>();
  for (const line of exportText.split(/\r?\n/)) {
    const key = line.startsWith('{') ? readLineKey(line) : undefined;
    const identity = key === undefined ? undefined : identityFromExportLine(line);
    if (key !== undefined && identity !== undefined)
      out.set(deviceKey(key.id, key.moduleId), identity);
  }
  return out;
}
