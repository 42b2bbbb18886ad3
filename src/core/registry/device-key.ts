// Device and module ids may not contain NUL (the hub allows only a fixed ASCII set), so NUL joins
// them without any chance of `a/b` the device colliding with module `b` of device `a`.
const SEPARATOR = '\u0000';

export function deviceKey(id: string, moduleId?: string): string {
  return moduleId === undefined ? id : id + SEPARATOR + moduleId;
}

export function splitDeviceKey(key: string): { id: string; moduleId?: string } {
  const at = key.indexOf(SEPARATOR);
  return at < 0 ? { id: key } : { id: key.slice(0, at), moduleId: key.slice(at + 1) };
}

/**
 * Code-unit order, so a device sorts right before its own modules and output never depends on
 * locale.
 */
export function compareDeviceKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
