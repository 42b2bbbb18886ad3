import type { AuthType, DeviceStatus, TwinSection } from './identity';

// What a caller asks for, from an import line, a bulk item or a PUT body, after the JSON shape was
// checked but before the hub's value rules (validate-identity-input.ts) ran.
export interface AuthenticationInput {
  type?: AuthType;
  primaryKey?: string | null;
  secondaryKey?: string | null;
  primaryThumbprint?: string | null;
  secondaryThumbprint?: string | null;
}

export interface IdentityInput {
  deviceId: string;
  moduleId: string;
  status?: DeviceStatus;
  statusReason?: string | null;
  authentication?: AuthenticationInput | null;
  iotEdge?: boolean;
  deviceScope?: string | null;
  parentScopes?: string[] | null;
  managedBy?: string | null;
  tags?: TwinSection;
  desired?: TwinSection;
  reported?: TwinSection;
  /** `$metadata` an import line carried with its section; it replaces the stored metadata. */
  desiredMetadata?: Record<string, unknown>;
  reportedMetadata?: Record<string, unknown>;
  /**
   * An upper bound of the source JSON's UTF-8 size when known; small sources skip the size checks.
   */
  sourceBytesAtMost?: number;
}

const AUTH_TYPES: Record<string, AuthType> = {
  sas: 'sas',
  selfsigned: 'selfSigned',
  certificateauthority: 'certificateAuthority',
  none: 'none',
};

// Enum values are parsed case-insensitively, like Newtonsoft does on the service
// (docs/reference/hub-wire-contract.md#import-modes):
// "Enabled" is fine, "SELF_SIGNED" is a deserialization error.
export function parseAuthType(value: unknown): AuthType | undefined {
  return typeof value === 'string' ? AUTH_TYPES[value.toLowerCase()] : undefined;
}

export function parseStatus(value: unknown): DeviceStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'enabled' || lower === 'disabled' ? lower : undefined;
}
