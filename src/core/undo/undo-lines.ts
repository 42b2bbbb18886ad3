import type { AuthenticationMechanism, ExportImportDevice } from '../model/export-import-device';
import type { ImportMode } from '../model/import-mode';
import type { IdentityState } from '../plan/identity-state';

/** Where a written-back identity points: undefined leaves the field out of the line. */
export interface ScopeChoice {
  deviceScope?: string | null;
  parentScopes?: string[];
}

// 3P observed that the hub wants `status` on every line
// (docs/reference/hub-wire-contract.md#line-fields), so every undo line carries one, deletes
// included.
function head(state: IdentityState, mode: ImportMode): ExportImportDevice {
  const line: ExportImportDevice = { id: state.id };
  if (state.moduleId !== undefined) line.moduleId = state.moduleId;
  line.importMode = mode;
  line.status = state.status;
  return line;
}

export function deleteLine(after: IdentityState): ExportImportDevice {
  return head(after, 'delete');
}

/**
 * The identity as the snapshot had it, keys included so the hub mints none, with its whole twin:
 * reported properties too when `withReported`, as an export re-imports them.
 */
export function identityLine(
  before: IdentityState,
  mode: ImportMode,
  scope: ScopeChoice,
  withReported: boolean,
): ExportImportDevice {
  const line = head(before, mode);
  if (before.moduleId === undefined) line.statusReason = before.statusReason ?? '';
  const auth = authenticationOf(before);
  if (auth !== undefined) line.authentication = auth;
  line.tags = before.tags;
  line.properties = withReported
    ? { desired: before.desired, reported: before.reported }
    : { desired: before.desired };
  if (before.moduleId === undefined) line.capabilities = { iotEdge: before.iotEdge };
  if (scope.deviceScope !== undefined) line.deviceScope = scope.deviceScope;
  if (scope.parentScopes !== undefined) line.parentScopes = scope.parentScopes;
  return line;
}

/** Only the twin, for an identity whose import changed nothing else. */
export function twinLine(before: IdentityState, withReported: boolean): ExportImportDevice {
  const line = head(before, 'updateTwin');
  line.tags = before.tags;
  line.properties = withReported
    ? { desired: before.desired, reported: before.reported }
    : { desired: before.desired };
  return line;
}

function authenticationOf(state: IdentityState): AuthenticationMechanism | undefined {
  const auth = state.auth;
  if (auth === null) return undefined;
  return {
    symmetricKey: { primaryKey: auth.primaryKey, secondaryKey: auth.secondaryKey },
    x509Thumbprint: {
      primaryThumbprint: auth.primaryThumbprint,
      secondaryThumbprint: auth.secondaryThumbprint,
    },
    type: auth.type,
  };
}
