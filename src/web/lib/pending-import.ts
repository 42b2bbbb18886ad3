import type { ImportMode } from '../../core/model/import-mode';
import { takePendingPlan } from './registry-worker/plan-handoff';

/**
 * A file handed to the import wizard by another page ("Retry failed rows", later "Make the hub like A").
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
  // The diff's "Make the hub like A" leaves its plan in its own slot; move it here so peeking stays
  // repeatable (React may render twice) until the wizard clears it.
  const plan = pending === null ? takePendingPlan() : null;
  if (plan) {
    pending = {
      file: plan,
      suggestedMode: 'createOrUpdate',
      reason:
        'This file makes the hub like export A again (from the diff: what B added is deleted, what changed is restored). Each row carries its own mode (create, delete, createOrUpdate or updateTwin); review the counts before you upload.',
    };
  }
  return pending;
}

export function clearPendingImport(): void {
  pending = null;
}
