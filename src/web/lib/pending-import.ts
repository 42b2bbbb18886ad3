import type { ImportMode } from '../../core/model/import-mode';

/**
 * A file handed to the import wizard by another page ("Retry failed rows", later "Make B like A").
 * Features never import each other, so the hand-off goes through this one in-memory slot. The
 * wizard peeks while rendering and clears it once mounted; a reload starts the wizard empty.
 */
export interface PendingImport {
  file: File;
  suggestedMode: ImportMode;
  reason: string;
}

let pending: PendingImport | null = null;

export function setPendingImport(next: PendingImport): void {
  pending = next;
}

export function peekPendingImport(): PendingImport | null {
  return pending;
}

export function clearPendingImport(): void {
  pending = null;
}
