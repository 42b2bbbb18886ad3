import type { CreateImportRequest } from '../../../../contracts/api';
import { parseImportMode, type ImportMode } from '../../../../core/model/import-mode';
import type { RegistryPlan } from './plan-against-registry';

// With a plan the file sent to the hub is the plan's job file, not the conversion's output: rows
// whose keys are kept carry the registry's keys, unchanged rows are left out. The audit records
// that file's size and digest and its lines per mode, since that is what the hub runs.

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function countModes(jobText: string): Partial<Record<ImportMode, number>> {
  const byMode: Partial<Record<ImportMode, number>> = {};
  for (const line of jobText.split('\n')) {
    if (line.trim() === '') continue;
    const mode = (JSON.parse(line) as { importMode?: unknown }).importMode;
    // The hub reads a line without importMode as createOrUpdate.
    const key = (typeof mode === 'string' ? parseImportMode(mode) : undefined) ?? 'createOrUpdate';
    byMode[key] = (byMode[key] ?? 0) + 1;
  }
  return byMode;
}

export interface PlannedUpload {
  /** The plan's job file, the blob uploaded as devices.txt. */
  converted: Blob;
  /** Set when the import deletes or changes devices: the snapshot and the undo file to keep. */
  backup: { snapshot: Blob; undo: Blob } | undefined;
  /** The create-import request with that file's size, digest and modes in place of the output's. */
  request(base: CreateImportRequest): Promise<CreateImportRequest>;
}

export function plannedUpload(plan: RegistryPlan): PlannedUpload {
  const bytes = new TextEncoder().encode(plan.jobText);
  const { undo } = plan;
  const changesDevices = undo.delete + undo.recreate + undo.restore > 0;
  return {
    converted: new Blob([bytes], { type: 'application/x-ndjson' }),
    backup: changesDevices
      ? {
          snapshot: new Blob([plan.backupText], { type: 'application/x-ndjson' }),
          undo: new Blob([plan.undoText], { type: 'application/x-ndjson' }),
        }
      : undefined,
    request: async (base) => ({
      ...base,
      ...(changesDevices ? { backup: { snapshotTakenAt: plan.takenAt } } : {}),
      convertedSize: bytes.byteLength,
      convertedSha256: await sha256Hex(bytes),
      byMode: countModes(plan.jobText),
    }),
  };
}
