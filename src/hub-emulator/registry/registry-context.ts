import type { KeySource } from '../model/key-source';
import type { HubStore } from '../store/hub-store';

// What every registry write needs: the store, the instant of the request or batch, the key
// source and the rules the emulator's options chose.
export interface RegistryContext {
  store: HubStore;
  now: Date;
  keys: KeySource;
  deviceCap: number;
  strictIds: boolean;
  applyReported: boolean;
  /** Which API writes: the live hub stamps new twins differently per path (build-identity.ts). */
  origin: 'import' | 'bulk' | 'rest';
}
