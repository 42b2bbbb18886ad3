import type { ImportMode } from './import-mode';

// One line of an import/export blob and one element of a bulk POST /devices body
// (docs/reference/hub-wire-contract.md#line-fields). Field names are the hub's, exactly: note
// `eTag` with a capital T.
export type DeviceStatus = 'enabled' | 'disabled';
export type AuthenticationType = 'sas' | 'selfSigned' | 'certificateAuthority' | 'none';

export interface SymmetricKey {
  primaryKey: string | null;
  secondaryKey: string | null;
}

export interface X509Thumbprint {
  primaryThumbprint: string | null;
  secondaryThumbprint: string | null;
}

export interface AuthenticationMechanism {
  symmetricKey?: SymmetricKey | null;
  x509Thumbprint?: X509Thumbprint | null;
  type: AuthenticationType;
}

export type TwinCollection = Record<string, unknown>;

export interface ExportImportDevice {
  id: string;
  moduleId?: string;
  eTag?: string;
  importMode?: ImportMode;
  status?: DeviceStatus;
  statusReason?: string | null;
  authentication?: AuthenticationMechanism | null;
  twinETag?: string;
  tags?: TwinCollection;
  properties?: { desired?: TwinCollection; reported?: TwinCollection };
  capabilities?: { iotEdge: boolean };
  deviceScope?: string | null;
  parentScopes?: string[];
}

/**
 * The fields of an import line, in the hub's own order
 * (docs/reference/hub-wire-contract.md#line-fields): what the hub reads from a line, so a plan
 * line reads like an export line with an importMode.
 */
export const IMPORT_LINE_FIELDS = [
  'id',
  'moduleId',
  'eTag',
  'importMode',
  'status',
  'statusReason',
  'authentication',
  'twinETag',
  'tags',
  'properties',
  'capabilities',
  'deviceScope',
  'parentScopes',
] as const satisfies readonly (keyof ExportImportDevice)[];
