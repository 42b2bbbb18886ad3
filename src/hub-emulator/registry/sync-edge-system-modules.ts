import type { Identity } from '../model/identity';
import { createIdentity } from '../model/build-identity';
import { EDGE_SYSTEM_MODULES } from '../model/device-scope';
import type { RegistryContext } from './registry-context';

// An IoT Edge device owns the runtime's module identities $edgeAgent and $edgeHub: the hub creates
// them with the device (exports list them, docs/reference/hub-wire-contract.md#import-modes), and
// they go when the device stops being an edge device (docs/hub-emulator.md).
export function syncEdgeSystemModules(
  device: Identity,
  previous: Identity | undefined,
  ctx: RegistryContext,
): void {
  const wasEdge = previous?.iotEdge ?? false;
  if (device.iotEdge === wasEdge) return;
  for (const moduleId of EDGE_SYSTEM_MODULES) {
    if (!device.iotEdge) {
      ctx.store.deleteIdentity(device.deviceId, moduleId);
      continue;
    }
    if (ctx.store.getIdentity(device.deviceId, moduleId)) continue;
    ctx.store.insertIdentity(
      createIdentity(
        { deviceId: device.deviceId, moduleId, status: 'enabled' },
        { now: ctx.now, keys: ctx.keys, etag: ctx.store.nextEtag(), applyReported: false },
      ),
    );
  }
}

/** Identities a create adds: the device, plus the two runtime modules of an edge device. */
export function identitiesCreatedWith(iotEdge: boolean | undefined): number {
  return iotEdge ? 1 + EDGE_SYSTEM_MODULES.length : 1;
}
