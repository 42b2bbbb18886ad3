import type { Identity } from './identity';
import { deviceEtag, twinEtag } from './etag';
import { MIN_TIME } from './hub-time';
import { renderMetadata } from './twin-metadata';

// Twin JSON (docs/reference/hub-wire-contract.md#twins, #recorded-traffic): `statusUpdateTime` (not
// ...Updated...), version = twin etag counter + 1 (a new twin is etag 1, version 2), `tags`
// absent when empty, per-property `$metadata` in both sections.
export function renderTwin(identity: Identity): Record<string, unknown> {
  const twin = identity.twin;
  const result: Record<string, unknown> = { deviceId: identity.deviceId };
  if (identity.moduleId) result.moduleId = identity.moduleId;
  Object.assign(result, {
    etag: twinEtag(twin.etag),
    deviceEtag: deviceEtag(identity.etag),
    status: identity.status,
    statusUpdateTime: identity.statusUpdatedTime ?? MIN_TIME,
    connectionState: 'Disconnected',
    lastActivityTime: identity.lastActivityTime ?? MIN_TIME,
    cloudToDeviceMessageCount: 0,
    authenticationType: identity.authentication.type,
    x509Thumbprint: identity.authentication.x509Thumbprint,
    version: twin.etag + 1,
  });
  if (Object.keys(twin.tags).length > 0) result.tags = twin.tags;
  result.properties = {
    desired: {
      ...twin.desired,
      $metadata: renderMetadata(twin.desired, twin.desiredMeta, {
        time: twin.desiredUpdated,
        version: twin.desiredVersion,
      }),
      $version: twin.desiredVersion,
    },
    reported: {
      ...twin.reported,
      $metadata: renderMetadata(twin.reported, twin.reportedMeta, {
        time: twin.reportedUpdated,
        version: undefined,
      }),
      $version: twin.reportedVersion,
    },
  };
  result.capabilities = { iotEdge: identity.iotEdge };
  if (identity.deviceScope !== null) result.deviceScope = identity.deviceScope;
  if (identity.parentScopes !== null) result.parentScopes = identity.parentScopes;
  return result;
}
