import type { Identity } from './identity';
import { deviceEtag } from './etag';
import { MIN_TIME, MIN_TIME_NO_ZONE } from './hub-time';

// Device and Module JSON as the hub returns them
// (docs/reference/hub-wire-contract.md#recorded-traffic). The create response prints never-set
// times without `Z`; GET and update print them with `Z`.
export function renderDevice(identity: Identity, createResponse = false): Record<string, unknown> {
  const never = createResponse ? MIN_TIME_NO_ZONE : MIN_TIME;
  const device: Record<string, unknown> = {
    deviceId: identity.deviceId,
    generationId: identity.generationId,
    etag: deviceEtag(identity.etag),
    connectionState: 'Disconnected',
    status: identity.status,
    statusReason: identity.statusReason,
    connectionStateUpdatedTime: never,
    statusUpdatedTime: identity.statusUpdatedTime ?? never,
    lastActivityTime: identity.lastActivityTime ?? never,
    cloudToDeviceMessageCount: 0,
    authentication: identity.authentication,
    capabilities: { iotEdge: identity.iotEdge },
  };
  if (identity.deviceScope !== null) device.deviceScope = identity.deviceScope;
  if (identity.parentScopes !== null) device.parentScopes = identity.parentScopes;
  return device;
}

export function renderModule(identity: Identity, createResponse = false): Record<string, unknown> {
  const never = createResponse ? MIN_TIME_NO_ZONE : MIN_TIME;
  return {
    moduleId: identity.moduleId,
    managedBy: identity.managedBy,
    deviceId: identity.deviceId,
    generationId: identity.generationId,
    etag: deviceEtag(identity.etag),
    connectionState: 'Disconnected',
    connectionStateUpdatedTime: never,
    lastActivityTime: identity.lastActivityTime ?? never,
    cloudToDeviceMessageCount: 0,
    authentication: identity.authentication,
  };
}

export function renderIdentity(
  identity: Identity,
  createResponse = false,
): Record<string, unknown> {
  return identity.moduleId
    ? renderModule(identity, createResponse)
    : renderDevice(identity, createResponse);
}
