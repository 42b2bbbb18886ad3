// Turns a device object (hand-written JSON, another tool's export, or the hub's own
// ExportImportDevice) into column/value pairs with the same names a CSV would use, so one
// detection and mapping table serves every format. The hub's nested shapes are flattened:
// authentication.symmetricKey.primaryKey, capabilities.iotEdge, properties.desired, ...
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function visitNested(
  prefix: string,
  value: Record<string, unknown>,
  visit: (column: string, value: unknown) => void,
  depth: number,
): void {
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (child === null || child === undefined) continue;
    const column = `${prefix}.${key}`;
    if (depth > 0 && isPlainObject(child)) visitNested(column, child, visit, depth - 1);
    else visit(column, child);
  }
}

export function visitDeviceFields(
  device: Record<string, unknown>,
  visit: (column: string, value: unknown) => void,
): void {
  for (const key of Object.keys(device)) {
    const value = device[key];
    if (value === null || value === undefined) continue;
    if (isPlainObject(value)) {
      const lower = key.toLowerCase();
      if (lower === 'authentication') {
        visitNested(key, value, visit, 1);
        continue;
      }
      if (lower === 'capabilities' || lower === 'properties') {
        visitNested(key, value, visit, 0);
        continue;
      }
    }
    visit(key, value);
  }
}

export function isDeviceObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value);
}
