import { deviceKey } from '../registry/device-key';
import type { RegistryIndex } from './build-registry-index';
import { identityFromExportLine, type IdentityState } from './identity-state';

/**
 * The registry as the import file leaves it, line by line: the snapshot's records plus an overlay
 * of what earlier lines changed. Changed identities are kept as JSON text, which is a third of the
 * size of the parsed object, so a file that changes every one of a million devices still fits.
 */
export class PlanState {
  /** deviceKey -> the identity's JSON after the lines so far, or null once deleted. */
  private readonly overlay = new Map<string, string | null>();
  private readonly modules: Map<string, string[]>;
  private readonly scopes: Map<string, string>;
  private count: number;
  private devices: number;
  /** Snapshot lines that could not be read; their devices count as absent. */
  unreadableRecords = 0;

  constructor(readonly index: RegistryIndex) {
    this.modules = new Map([...index.modulesOf].map(([id, list]) => [id, [...list]]));
    this.scopes = new Map(index.edgeScopes);
    this.count = index.identityCount;
    this.devices = index.deviceCount;
  }

  get identityCount(): number {
    return this.count;
  }

  get deviceCount(): number {
    return this.devices;
  }

  /** Devices and modules this file changed, with what they are now (null: deleted). */
  get changedKeys(): IterableIterator<string> {
    return this.overlay.keys();
  }

  /** The identity now, after the lines applied so far. */
  get(key: string): IdentityState | undefined {
    const changed = this.overlay.get(key);
    if (changed === null) return undefined;
    if (changed !== undefined) return JSON.parse(changed) as IdentityState;
    return this.original(key);
  }

  /** The identity as the snapshot has it. */
  original(key: string): IdentityState | undefined {
    const text = this.index.records.get(key);
    if (text === undefined) return undefined;
    const state = identityFromExportLine(text);
    if (state === undefined) this.unreadableRecords++;
    return state;
  }

  wasChanged(key: string): boolean {
    return this.overlay.has(key);
  }

  put(state: IdentityState, created: boolean): void {
    this.overlay.set(deviceKey(state.id, state.moduleId), JSON.stringify(state));
    if (!created) return;
    this.count++;
    if (state.moduleId === undefined) this.devices++;
    // A scope the hub mints is unknown until it does; one a created edge device carries is known.
    if (state.iotEdge && !state.scopeGenerated && state.deviceScope !== null)
      this.scopes.set(state.deviceScope, state.id);
    if (state.moduleId !== undefined) {
      const list = this.modules.get(state.id);
      if (list === undefined) this.modules.set(state.id, [state.moduleId]);
      else list.push(state.moduleId);
    }
  }

  /** Deletes a module, or a device with all its modules; returns how many modules went with it. */
  remove(state: IdentityState): number {
    this.overlay.set(deviceKey(state.id, state.moduleId), null);
    this.count--;
    const list = this.modules.get(state.id) ?? [];
    if (state.moduleId !== undefined) {
      const at = list.indexOf(state.moduleId);
      if (at >= 0) list.splice(at, 1);
      return 0;
    }
    for (const moduleId of list) this.overlay.set(deviceKey(state.id, moduleId), null);
    this.count -= list.length;
    this.devices--;
    this.modules.delete(state.id);
    if (state.iotEdge && state.deviceScope !== null) this.scopes.delete(state.deviceScope);
    return list.length;
  }

  modulesOf(deviceId: string): readonly string[] {
    return this.modules.get(deviceId) ?? [];
  }

  /** The edge device that holds `scope` now, if any. */
  scopeOwner(scope: string): string | undefined {
    return this.scopes.get(scope);
  }

  /** Leaf devices of the snapshot that name `scope` as their parent. */
  childrenOf(scope: string): number {
    return this.index.childrenOfScope.get(scope) ?? 0;
  }
}
