/**
 * "Make the hub like A" hands its import file to the wizard through this one in-memory slot: the plan can
 * hold a million lines, far beyond what sessionStorage takes, and features never import each
 * other. A reload loses it on purpose (the diff page can make it again); take clears the slot.
 */
let pending: File | null = null;

export function setPendingPlan(file: File): void {
  pending = file;
}

export function takePendingPlan(): File | null {
  const file = pending;
  pending = null;
  return file;
}
