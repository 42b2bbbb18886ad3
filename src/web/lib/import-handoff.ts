import { IMPORT_MODES, type ImportMode } from '../../core/model/import-mode';

/**
 * A file handed to the import wizard by another page (retry failed rows, restore from a backup,
 * make the hub like export A). Features never import each other, so the file travels in the
 * router's location state of the navigation to the wizard: no module holds it, and the wizard
 * replaces the entry once it has taken the file, so a reload or a Back starts the wizard empty.
 * A File in history state is a reference to the browser's blob, so a plan of a million lines
 * costs nothing to pass.
 */
export interface ImportHandoff {
  file: File;
  suggestedMode: ImportMode;
  /** Shown above the wizard: where the file came from and what to check before uploading. */
  reason: string;
  /**
   * The file holds keys made for it (a key regeneration): the import asks the proxy to delete its
   * files when the job ends (docs/bulk-flows.md, "Regenerate keys").
   */
  newKeysInside?: true;
}

export const IMPORT_WIZARD_PATH = '/import';

interface HandoffState {
  importHandoff: ImportHandoff;
}

/** The options of `navigate(IMPORT_WIZARD_PATH, ...)` that carry the file. */
export function handOffToImport(handoff: ImportHandoff): { state: HandoffState } {
  return { state: { importHandoff: handoff } };
}

const MODES = new Set<string>(IMPORT_MODES);

/** The hand-off in a location's state, or null when there is none (or it is not one). */
export function readImportHandoff(state: unknown): ImportHandoff | null {
  const handoff = (state as Partial<HandoffState> | null)?.importHandoff;
  if (typeof handoff !== 'object' || handoff === null) return null;
  const { file, suggestedMode, reason, newKeysInside } = handoff as Partial<ImportHandoff>;
  if (!(file instanceof File) || typeof reason !== 'string') return null;
  if (typeof suggestedMode !== 'string' || !MODES.has(suggestedMode)) return null;
  return { file, suggestedMode, reason, ...(newKeysInside === true ? { newKeysInside } : {}) };
}
