// Scopes of the edge hierarchy (docs/reference/hub-wire-contract.md#line-fields, #import-modes).
// The hub generates an edge device's own scope as `ms-azure-iot-edge://<deviceId>-<generationId>`
// (the C# SDK's Device.Scope remarks); leaf devices point at their parent's scope. Because the
// owner's id is in the scope, the emulator finds the owner without an index (docs/hub-emulator.md).
export const EDGE_SCOPE_PREFIX = 'ms-azure-iot-edge://';

export const EDGE_SYSTEM_MODULES = ['$edgeAgent', '$edgeHub'] as const;

export function generatedEdgeScope(deviceId: string, generationId: string): string {
  return `${EDGE_SCOPE_PREFIX}${deviceId}-${generationId}`;
}

/** The device id a scope was generated for, or undefined when it has not that form. */
export function scopeOwnerId(scope: string): string | undefined {
  if (!scope.startsWith(EDGE_SCOPE_PREFIX)) return undefined;
  const rest = scope.slice(EDGE_SCOPE_PREFIX.length);
  const dash = rest.lastIndexOf('-');
  if (dash <= 0 || !/^\d+$/.test(rest.slice(dash + 1))) return undefined;
  return rest.slice(0, dash);
}

/** True for a scope that was generated for a device with this id (on this hub or another). */
export function isOwnGeneratedScope(scope: string | null | undefined, deviceId: string): boolean {
  return typeof scope === 'string' && scopeOwnerId(scope) === deviceId;
}

export function isEdgeSystemModule(moduleId: string): boolean {
  return (EDGE_SYSTEM_MODULES as readonly string[]).includes(moduleId);
}
