import type { HubDevice, HubModule, HubTwin } from './hub-registry';

// One identity and its twin as the line an export job writes to devices.txt
// (docs/reference/hub-wire-contract.md sec. 5.1, 10 and 11), so a lookup reads like a small export:
// core's registry index and the plan take it unchanged. Key order follows the hub's export: id,
// [moduleId], eTag, status, [statusReason], authentication, twinETag, tags, properties,
// capabilities, [deviceScope], [parentScopes]. Device lines carry statusReason ("" when unset);
// module lines do not and are never edge devices. Exports carry no twin `$metadata`/`$version`, so
// neither do these lines.

type Section = Record<string, unknown>;

function withoutTwinBookkeeping(section: Section | undefined): Section {
  const copy: Section = {};
  for (const [key, value] of Object.entries(section ?? {})) {
    if (key !== '$metadata' && key !== '$version') copy[key] = value;
  }
  return copy;
}

function twinFields(twin: HubTwin): Section {
  return {
    twinETag: twin.etag,
    tags: twin.tags ?? {},
    properties: {
      desired: withoutTwinBookkeeping(twin.properties?.desired),
      reported: withoutTwinBookkeeping(twin.properties?.reported),
    },
  };
}

export function deviceExportLine(device: HubDevice, twin: HubTwin): string {
  const line: Section = {
    id: device.deviceId,
    eTag: device.etag,
    status: device.status,
    statusReason: device.statusReason ?? '',
    authentication: device.authentication ?? null,
    ...twinFields(twin),
    capabilities: { iotEdge: device.capabilities?.iotEdge ?? false },
  };
  // An export names scopes only where they mean something: edge devices always (`[]` for a root),
  // leaves with a parent. A plain device's empty values are left out, as the export does.
  const edge = device.capabilities?.iotEdge === true;
  if (device.deviceScope) line.deviceScope = device.deviceScope;
  if (device.parentScopes && (edge || device.parentScopes.length > 0))
    line.parentScopes = device.parentScopes;
  return JSON.stringify(line);
}

export function moduleExportLine(module: HubModule, twin: HubTwin): string {
  return JSON.stringify({
    id: module.deviceId,
    moduleId: module.moduleId,
    eTag: module.etag,
    status: twin.status ?? 'enabled',
    authentication: module.authentication ?? null,
    ...twinFields(twin),
    capabilities: { iotEdge: false },
  });
}
