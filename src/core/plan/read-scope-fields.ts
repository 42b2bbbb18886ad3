const EDGE = '"iotEdge":true';
const SCOPE = '"deviceScope":"';
const PARENT_SCOPES = '"parentScopes":["';

export interface ScopeFields {
  /** The device's own scope when it is an edge device. */
  edgeScope?: string;
  /** The scope of its parent: a leaf's deviceScope, or an edge device's first parentScopes entry. */
  parentScope?: string;
}

/**
 * The parent/child facts of one export line (docs/reference/hub-wire-contract.md#line-fields: an
 * edge device owns a generated scope, a leaf points at its parent's scope, a nested edge device
 * names its parent in parentScopes). Only lines that can hold a scope are parsed; most lines of an
 * export are leaf devices without a parent and cost two substring searches.
 */
export function readScopeFields(text: string): ScopeFields | undefined {
  const edge = text.includes(EDGE);
  if (!edge && !text.includes(SCOPE)) return undefined;
  if (edge && !text.includes(SCOPE) && !text.includes(PARENT_SCOPES)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const line = value as {
    capabilities?: { iotEdge?: unknown } | null;
    deviceScope?: unknown;
    parentScopes?: unknown;
  };
  const scope = nonEmptyString(line.deviceScope);
  if (line.capabilities?.iotEdge !== true)
    return scope === undefined ? undefined : { parentScope: scope };
  const fields: ScopeFields = {};
  if (scope !== undefined) fields.edgeScope = scope;
  const parent = Array.isArray(line.parentScopes)
    ? nonEmptyString(line.parentScopes[0])
    : undefined;
  if (parent !== undefined) fields.parentScope = parent;
  return fields;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
