import type { IdentityState } from './identity-state';
import type { ImportLine } from './import-line-types';
import type { PlanState } from './plan-state';

export type ScopeResult =
  | { ok: true; deviceScope: string | null; scopeGenerated: boolean; parentScopes: string[] }
  | { ok: false; message: string };

/**
 * Parent and child as the hub keeps them (docs/reference/hub-wire-contract.md#line-fields,
 * #import-modes): an edge device's deviceScope is minted by the hub and never changes, a custom one
 * is ignored; a nested edge device names its parent in parentScopes. A leaf device points at its
 * parent by setting deviceScope to the parent's scope and the hub fills parentScopes. A scope that
 * no edge device holds is refused (400004), whether on create or when a line moves a leaf
 * elsewhere; a scope the line leaves as it is, is not looked at again. Modules keep what the line
 * says.
 */
export function resolveScopes(
  line: ImportLine,
  existing: IdentityState | undefined,
  iotEdge: boolean,
  state: PlanState,
): ScopeResult {
  if (line.moduleId !== undefined) {
    return {
      ok: true,
      deviceScope:
        line.deviceScope !== undefined ? line.deviceScope : (existing?.deviceScope ?? null),
      scopeGenerated: false,
      parentScopes: line.parentScopes ?? existing?.parentScopes ?? [],
    };
  }
  if (iotEdge) {
    const keepOwn = existing !== undefined && existing.iotEdge;
    const parentScopes = line.parentScopes ?? existing?.parentScopes ?? [];
    // A created edge device keeps a scope another hub made for the same id, so a hub-to-hub copy
    // keeps its hierarchy (docs/hub-emulator.md, "Edge devices and scopes").
    const carried =
      existing === undefined && isGeneratedScopeOf(line.deviceScope, line.id)
        ? line.deviceScope
        : null;
    const own = keepOwn ? existing.deviceScope : carried;
    if (line.parentScopes !== undefined && !sameList(line.parentScopes, existing?.parentScopes)) {
      for (const scope of parentScopes) {
        const owner = state.scopeOwner(scope);
        if (owner === undefined || owner === line.id)
          return { ok: false, message: `no edge device holds the parent scope "${scope}"` };
      }
    }
    return {
      ok: true,
      deviceScope: own,
      scopeGenerated: keepOwn ? existing.scopeGenerated : carried === null,
      parentScopes,
    };
  }
  const before = existing !== undefined && !existing.iotEdge ? existing.deviceScope : null;
  const scope = line.deviceScope !== undefined ? line.deviceScope : before;
  if (scope !== null && scope !== before) {
    const owner = state.scopeOwner(scope);
    if (owner === undefined || owner === line.id)
      return { ok: false, message: `no edge device holds the scope "${scope}"` };
  }
  // A scope the line leaves alone keeps the parentScopes the registry has, whatever they say.
  const parentScopes =
    existing !== undefined && scope === before
      ? existing.parentScopes
      : scope === null
        ? []
        : [scope];
  return { ok: true, deviceScope: scope, scopeGenerated: false, parentScopes };
}

function sameList(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((s, i) => s === b[i]);
}

const GENERATED_SCOPE_PREFIX = 'ms-azure-iot-edge://';

/** `ms-azure-iot-edge://<deviceId>-<digits>`, the form a hub generates for an edge device. */
function isGeneratedScopeOf(scope: string | null | undefined, deviceId: string): scope is string {
  if (typeof scope !== 'string') return false;
  const own = `${GENERATED_SCOPE_PREFIX}${deviceId}-`;
  return scope.startsWith(own) && /^\d+$/.test(scope.slice(own.length));
}
