// The emulator's own record of one device or module identity with its twin. Field names follow the
// hub's Device JSON where one exists; `moduleId` is '' for a device.
export type DeviceStatus = 'enabled' | 'disabled';
export type AuthType = 'sas' | 'selfSigned' | 'certificateAuthority' | 'none';

export interface StoredAuthentication {
  symmetricKey: { primaryKey: string | null; secondaryKey: string | null };
  x509Thumbprint: { primaryThumbprint: string | null; secondaryThumbprint: string | null };
  type: AuthType;
}

export type TwinSection = Record<string, unknown>;

/** Stored per-property stamps that differ from their section's (model/twin-metadata.ts). */
export type MetadataTree = Record<string, unknown>;

export interface TwinState {
  etag: number;
  tags: TwinSection;
  desired: TwinSection;
  reported: TwinSection;
  desiredVersion: number;
  reportedVersion: number;
  /** When each section was last written: its `$metadata.$lastUpdated`. */
  desiredUpdated: string;
  reportedUpdated: string;
  desiredMeta: MetadataTree;
  reportedMeta: MetadataTree;
}

export interface Identity {
  deviceId: string;
  moduleId: string;
  etag: number;
  generationId: string;
  status: DeviceStatus;
  statusReason: string | null;
  statusUpdatedTime: string | null;
  /**
   * When the device last sent a device-to-cloud message (docs/hub-emulator.md, "Device
   * activity"); null until it does. Not a registry write: the device etag stays.
   */
  lastActivityTime: string | null;
  authentication: StoredAuthentication;
  iotEdge: boolean;
  deviceScope: string | null;
  parentScopes: string[] | null;
  managedBy: string | null;
  twin: TwinState;
}

export function identityKey(deviceId: string, moduleId: string): string {
  return moduleId ? `${deviceId}/${moduleId}` : deviceId;
}
