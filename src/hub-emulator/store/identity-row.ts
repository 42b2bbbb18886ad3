import type {
  DeviceStatus,
  Identity,
  MetadataTree,
  StoredAuthentication,
  TwinSection,
} from '../model/identity';
import { deviceEtag, twinEtag } from '../model/etag';

// Converts between Identity and the identities table row, and splices export lines from rows.
export interface IdentityRow {
  device_id: string;
  module_id: string;
  etag: number;
  status: string;
  status_reason: string | null;
  auth: string;
  twin_etag: number;
  tags: string;
  desired: string;
  reported: string;
  iot_edge: number;
  device_scope: string | null;
  parent_scopes: string | null;
  meta: string;
}

// The meta column: identity fields no query or export needs as columns.
interface RowMeta {
  generationId: string;
  statusUpdatedTime: string | null;
  /** Absent until the device first sends (and in rows of older versions). */
  lastActivityTime?: string;
  managedBy: string | null;
  desiredVersion: number;
  reportedVersion: number;
  /** Both sections' stamp when they are equal (and the only one in rows of older versions). */
  lastUpdated?: string;
  desiredUpdated?: string;
  reportedUpdated?: string;
  desiredMeta?: MetadataTree;
  reportedMeta?: MetadataTree;
}

export function toRow(identity: Identity): IdentityRow {
  const twin = identity.twin;
  return {
    device_id: identity.deviceId,
    module_id: identity.moduleId,
    etag: identity.etag,
    status: identity.status,
    status_reason: identity.statusReason,
    auth: authenticationJson(identity.authentication),
    twin_etag: twin.etag,
    tags: JSON.stringify(twin.tags),
    desired: JSON.stringify(twin.desired),
    reported: JSON.stringify(twin.reported),
    iot_edge: identity.iotEdge ? 1 : 0,
    device_scope: identity.deviceScope,
    parent_scopes: identity.parentScopes ? JSON.stringify(identity.parentScopes) : null,
    meta:
      `{"generationId":"${identity.generationId}","statusUpdatedTime":${quoted(identity.statusUpdatedTime)},` +
      (identity.lastActivityTime ? `"lastActivityTime":"${identity.lastActivityTime}",` : '') +
      `"managedBy":${JSON.stringify(identity.managedBy)},"desiredVersion":${twin.desiredVersion},` +
      `"reportedVersion":${twin.reportedVersion},${updatedStamps(twin.desiredUpdated, twin.reportedUpdated)}` +
      `${metaTree('desiredMeta', twin.desiredMeta)}${metaTree('reportedMeta', twin.reportedMeta)}}`,
  };
}

// Written by template rather than JSON.stringify: a bulk import stringifies this for every row, and
// every value here is already validated to need no escaping (base64 keys, hex thumbprints, enum
// type).
function authenticationJson(auth: StoredAuthentication): string {
  const { symmetricKey: k, x509Thumbprint: t } = auth;
  return (
    `{"symmetricKey":{"primaryKey":${quoted(k.primaryKey)},"secondaryKey":${quoted(k.secondaryKey)}},` +
    `"x509Thumbprint":{"primaryThumbprint":${quoted(t.primaryThumbprint)},"secondaryThumbprint":${quoted(t.secondaryThumbprint)}},` +
    `"type":"${auth.type}"}`
  );
}

// Both sections are usually stamped at once: one field then, as rows have always stored it.
function updatedStamps(desired: string, reported: string): string {
  return desired === reported
    ? `"lastUpdated":"${desired}"`
    : `"desiredUpdated":"${desired}","reportedUpdated":"${reported}"`;
}

// Most rows were written as a whole and have empty trees: no stringify for them.
function metaTree(name: string, tree: MetadataTree): string {
  for (const _key in tree) return `,"${name}":${JSON.stringify(tree)}`;
  return '';
}

function quoted(value: string | null): string {
  return value === null ? 'null' : `"${value}"`;
}

export function fromRow(row: IdentityRow): Identity {
  const meta = JSON.parse(row.meta) as RowMeta;
  return {
    deviceId: row.device_id,
    moduleId: row.module_id,
    etag: row.etag,
    generationId: meta.generationId,
    status: row.status as DeviceStatus,
    statusReason: row.status_reason,
    statusUpdatedTime: meta.statusUpdatedTime,
    lastActivityTime: meta.lastActivityTime ?? null,
    authentication: JSON.parse(row.auth) as StoredAuthentication,
    iotEdge: row.iot_edge === 1,
    deviceScope: row.device_scope,
    parentScopes: row.parent_scopes ? (JSON.parse(row.parent_scopes) as string[]) : null,
    managedBy: meta.managedBy,
    twin: {
      etag: row.twin_etag,
      tags: JSON.parse(row.tags) as TwinSection,
      desired: JSON.parse(row.desired) as TwinSection,
      reported: JSON.parse(row.reported) as TwinSection,
      desiredVersion: meta.desiredVersion,
      reportedVersion: meta.reportedVersion,
      desiredUpdated: meta.desiredUpdated ?? meta.lastUpdated ?? '',
      reportedUpdated: meta.reportedUpdated ?? meta.lastUpdated ?? '',
      desiredMeta: meta.desiredMeta ?? {},
      reportedMeta: meta.reportedMeta ?? {},
    },
  };
}

// Key order of real export lines (docs/reference/hub-wire-contract.md#recorded-traffic and
// docs/reference/hub-wire-contract.md#later-public-reports): id, [moduleId], eTag, status,
// [statusReason], authentication, twinETag, tags, properties, capabilities. Device lines carry
// statusReason ("" when unset, as in the 2019 export); module lines do not.
export function exportLine(row: IdentityRow, excludeKeys: boolean): string {
  let line = `{"id":${JSON.stringify(row.device_id)}`;
  if (row.module_id) line += `,"moduleId":${JSON.stringify(row.module_id)}`;
  line += `,"eTag":"${deviceEtag(row.etag)}","status":"${row.status}"`;
  if (!row.module_id) line += `,"statusReason":${JSON.stringify(row.status_reason ?? '')}`;
  line += `,"authentication":${excludeKeys ? 'null' : row.auth},"twinETag":"${twinEtag(row.twin_etag)}"`;
  line += `,"tags":${row.tags},"properties":{"desired":${row.desired},"reported":${row.reported}}`;
  line += `,"capabilities":{"iotEdge":${row.iot_edge === 1 && !row.module_id}}`;
  if (row.device_scope !== null) line += `,"deviceScope":${JSON.stringify(row.device_scope)}`;
  if (row.parent_scopes !== null) line += `,"parentScopes":${row.parent_scopes}`;
  return `${line}}`;
}
