// An edge device's scope is `ms-azure-iot-edge://<deviceId>-<generationId>` (docs/hub-emulator.md,
// as the hub writes it): the id of the device holding a scope can be read from the scope, which is
// how a small plan finds the parents a file names without reading the whole registry.
const PREFIX = 'ms-azure-iot-edge://';
const GENERATION = /-\d+$/;

export function edgeDeviceOfScope(scope: string): string | undefined {
  if (!scope.startsWith(PREFIX)) return undefined;
  const rest = scope.slice(PREFIX.length);
  const match = GENERATION.exec(rest);
  if (match === null || match.index === 0) return undefined;
  return rest.slice(0, match.index);
}
