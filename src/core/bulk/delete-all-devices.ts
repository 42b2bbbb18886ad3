import type { RegistryEntry } from '../registry/registry-types';
import { createEdgeHierarchy } from './edge-hierarchy';

// "Delete all" of a hub as passes over an export with keys (docs/bulk-flows.md, "Delete all
// devices and configurations"). One `deleteIfMatchETag` line per device with the export's eTag:
// the export is the backup that undoes the delete, so a device changed after it is refused
// (412001) rather than deleted in a state the backup does not hold. Modules are not written:
// deleting a device deletes its modules, and the edge runtime's cannot be deleted on their own.
// Children go before their parents (leaves first, then edge devices from the deepest up): the
// hub does not need it (deleting a parent changes nothing on its children), but a job that stops
// half-way then leaves gateways with their children, never children under a gone gateway.

export const DELETE_SKIP_REASON = 'deleted with its device';

export interface DeleteAllDevices {
  index(entries: readonly RegistryEntry[]): void;
  readonly writePasses: number;
  /** Write pass `pass` (0-based): import lines without line ends. */
  write(pass: number, entries: readonly RegistryEntry[]): string[];
  readonly counts: { devices: number; modules: number };
}

export function createDeleteAllDevices(): DeleteAllDevices {
  const hierarchy = createEdgeHierarchy();
  const counts = { devices: 0, modules: 0 };
  // Pass 0 the devices that are no edge device; pass 1 + k the edge devices of depth max - k.
  const passOf = (entry: RegistryEntry): number => {
    const depth = hierarchy.depthOf(entry.id);
    return depth === undefined ? 0 : 1 + hierarchy.maxDepth - depth;
  };
  return {
    index(entries) {
      for (const entry of entries) hierarchy.add(entry);
    },
    get writePasses() {
      return hierarchy.maxDepth + 2;
    },
    write(pass, entries) {
      const lines: string[] = [];
      for (const entry of entries) {
        if (entry.moduleId !== undefined) {
          if (pass === 0) counts.modules++;
          continue;
        }
        if (passOf(entry) !== pass) continue;
        counts.devices++;
        const { device } = entry;
        const eTag =
          typeof device.eTag === 'string' && device.eTag !== '' ? device.eTag : undefined;
        lines.push(
          JSON.stringify({
            id: device.id,
            ...(eTag === undefined ? {} : { eTag }),
            importMode: eTag === undefined ? 'delete' : 'deleteIfMatchETag',
            status: typeof device.status === 'string' ? device.status.toLowerCase() : 'enabled',
          }),
        );
      }
      return lines;
    },
    counts,
  };
}
