import type { ChangeKind } from '../../../../core/diff';

// Plain words for the paths core reports; twin paths are shown as they are, readable already.
const FIELD_WORDS: Record<string, string> = {
  status: 'Status',
  statusReason: 'Status reason',
  eTag: 'eTag',
  twinETag: 'Twin eTag',
  'authentication.type': 'Auth type',
  'authentication.keys': 'Keys',
  'authentication.x509Thumbprint.primaryThumbprint': 'Primary thumbprint',
  'authentication.x509Thumbprint.secondaryThumbprint': 'Secondary thumbprint',
  'capabilities.iotEdge': 'IoT Edge',
  deviceScope: 'Device scope',
  parentScopes: 'Parent scopes',
  'tags.*': 'Any tag',
  'properties.desired.*': 'Any desired property',
  'properties.reported.*': 'Any reported property',
};

export function fieldWords(path: string): string {
  return FIELD_WORDS[path] ?? path;
}

export const KIND_WORDS: Record<ChangeKind, string> = {
  added: 'Added (only in B)',
  removed: 'Removed (only in A)',
  changed: 'Changed',
};

export const KIND_COLORS: Record<
  ChangeKind | 'unchanged',
  'success' | 'error' | 'warning' | 'default'
> = {
  added: 'success',
  removed: 'error',
  changed: 'warning',
  unchanged: 'default',
};
