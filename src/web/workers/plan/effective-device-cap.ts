// The plan's 403002 check counts the identities of its snapshot plus the creates it plans. A
// snapshot of looked-up devices holds only the devices the file names, and an export may be a few
// minutes old; the hub's device count (GET /api/hub) says how many devices exist now. Those the
// snapshot does not hold use up the cap all the same, so the cap given to the engine is lowered by
// them. The worker applies it once the snapshot is read, when its device count is known. Modules of devices outside the snapshot are not counted anywhere the console can see; the
// plan says so (docs/plan-and-undo.md, "The device cap").

export const HUB_DEVICE_CAP = 1_000_000;

export function effectiveDeviceCap(
  hubDevicesNow: number | null,
  devicesInSnapshot: number,
  cap: number = HUB_DEVICE_CAP,
): number {
  if (hubDevicesNow === null) return cap;
  const outside = Math.max(0, hubDevicesNow - devicesInSnapshot);
  // The engine takes a positive cap; a hub already full refuses every create either way.
  return Math.max(1, cap - outside);
}
