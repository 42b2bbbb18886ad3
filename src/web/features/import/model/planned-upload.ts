import type { CreateImportRequest } from '../../../../contracts/api';
import type { RegistryPlan } from './plan-against-registry';

// With a plan the file sent to the hub is the plan's job file, not the conversion's output: rows
// whose keys are kept carry the registry's keys, unchanged rows are left out. The audit records
// that file's size and digest and its lines per mode, since that is what the hub runs; the plan
// worker made both while writing it, so no file is read back here.

export interface PlannedUpload {
  /** The plan's job file, the blob uploaded as devices.txt. */
  converted: Blob;
  /** Set when the import deletes or changes devices: the snapshot and the undo file to keep. */
  backup: { snapshot: Blob; undo: Blob } | undefined;
  /** The create-import request with that file's size, digest and modes in place of the output's. */
  request(base: CreateImportRequest): Promise<CreateImportRequest>;
}

export function plannedUpload(plan: RegistryPlan): PlannedUpload {
  const { undo } = plan;
  const changesDevices = undo.delete + undo.recreate + undo.restore > 0;
  return {
    converted: plan.jobFile,
    // For a large file the snapshot is the export's devices.txt as the plan read it, a Blob the
    // upload streams in blocks.
    backup: changesDevices ? { snapshot: plan.backup, undo: plan.undoFile } : undefined,
    request: (base) =>
      Promise.resolve({
        ...base,
        ...(changesDevices ? { backup: { snapshotTakenAt: plan.takenAt } } : {}),
        convertedSize: plan.jobFile.size,
        convertedSha256: plan.jobSha256,
        byMode: plan.jobByMode,
      }),
  };
}
