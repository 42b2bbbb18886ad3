import type { AuthState, IdentityState } from './identity-state';
import type { AuthInput, ImportLine } from './import-line-types';

export interface Scopes {
  deviceScope: string | null;
  scopeGenerated: boolean;
  parentScopes: string[];
}

/**
 * Omitted or empty keys mean "mint new ones", on create and on update alike: the hub regenerates
 * keys when an update carries none (docs/reference/hub-wire-contract.md#device-identities,
 * #import-modes). Without a type, a primary thumbprint means selfSigned and anything else sas, as
 * the SDKs normalise it.
 */
export function resolveAuthentication(input: AuthInput | null | undefined): {
  auth: AuthState;
  minted: boolean;
} {
  const primaryThumbprint = input?.primaryThumbprint ?? null;
  const type = input?.type ?? (primaryThumbprint !== null ? 'selfSigned' : 'sas');
  const sas = type === 'sas';
  const primaryKey = sas ? (input?.primaryKey ?? null) : null;
  const secondaryKey = sas ? (input?.secondaryKey ?? null) : null;
  return {
    auth: {
      type,
      primaryKey,
      secondaryKey,
      primaryThumbprint,
      secondaryThumbprint: input?.secondaryThumbprint ?? null,
    },
    minted: sas && (primaryKey === null || secondaryKey === null),
  };
}

/** A new identity from a create line: status enabled unless said, empty twin sections. */
export function createdIdentity(
  line: ImportLine,
  scopes: Scopes,
  applyReported: boolean,
): IdentityState {
  const { auth, minted } = resolveAuthentication(line.authentication);
  const state: IdentityState = {
    id: line.id,
    eTag: null,
    twinETag: null,
    status: line.status ?? 'enabled',
    statusReason: line.statusReason || null,
    auth: minted ? { ...auth, primaryKey: null, secondaryKey: null } : auth,
    keysMinted: minted,
    iotEdge: line.moduleId === undefined && line.iotEdge === true,
    ...scopes,
    tags: line.tags ?? {},
    desired: line.desired ?? {},
    reported: applyReported ? (line.reported ?? {}) : {},
  };
  if (line.moduleId !== undefined) state.moduleId = line.moduleId;
  return state;
}

/**
 * An update of the identity: what the line leaves out is kept, except authentication, which the
 * line always replaces; twin sections it carries replace the registry's.
 */
export function updatedIdentity(
  existing: IdentityState,
  line: ImportLine,
  iotEdge: boolean,
  scopes: Scopes,
  applyReported: boolean,
): { state: IdentityState; minted: boolean } {
  const { auth, minted } = resolveAuthentication(line.authentication);
  const identity: IdentityState = {
    ...existing,
    eTag: null,
    status: line.status ?? existing.status,
    statusReason:
      line.statusReason !== undefined ? line.statusReason || null : existing.statusReason,
    auth: minted ? { ...auth, primaryKey: null, secondaryKey: null } : auth,
    keysMinted: minted,
    iotEdge,
    ...scopes,
  };
  return { state: twinUpdated(identity, line, applyReported), minted };
}

/** The twin sections the line carries replace the registry's; the twin etag moves if any does. */
export function twinUpdated(
  existing: IdentityState,
  line: ImportLine,
  applyReported: boolean,
): IdentityState {
  const reported = applyReported ? line.reported : undefined;
  if (line.tags === undefined && line.desired === undefined && reported === undefined)
    return existing;
  return {
    ...existing,
    twinETag: null,
    tags: line.tags ?? existing.tags,
    desired: line.desired ?? existing.desired,
    reported: reported ?? existing.reported,
  };
}

/** `$edgeAgent` or `$edgeHub` as the hub creates it with an edge device. */
export function systemModule(deviceId: string, moduleId: string): IdentityState {
  return {
    id: deviceId,
    moduleId,
    eTag: null,
    twinETag: null,
    status: 'enabled',
    statusReason: null,
    auth: {
      type: 'sas',
      primaryKey: null,
      secondaryKey: null,
      primaryThumbprint: null,
      secondaryThumbprint: null,
    },
    keysMinted: true,
    iotEdge: false,
    deviceScope: null,
    scopeGenerated: false,
    parentScopes: [],
    tags: {},
    desired: {},
    reported: {},
  };
}

export const SYSTEM_MODULES = ['$edgeAgent', '$edgeHub'] as const;
