import type { Identity, TwinState } from './identity';
import type { IdentityInput } from './identity-input';
import { resolveAuthentication } from './resolve-authentication';
import type { KeySource } from './key-source';
import { dotNetTicks, hubTime } from './hub-time';
import { givenMetadata, UNIFORM } from './twin-metadata';

export interface BuildContext {
  now: Date;
  keys: KeySource;
  /** The next device etag counter value (the store hands them out). */
  etag: number;
  /**
   * Whether reported properties in the input are applied (a choice: docs/hub-emulator.md).
   */
  applyReported: boolean;
  /**
   * `$lastUpdated` of a new twin's sections when not now: the live hub stamps desired properties
   * of a bulk create and both sections of a module made by PUT with .NET's DateTime.MinValue
   * (docs/reference/hub-wire-contract.md#recorded-traffic; docs/hub-emulator.md).
   */
  createdStamps?: { desired?: string; reported?: string };
}

export function createIdentity(input: IdentityInput, ctx: BuildContext): Identity {
  const now = hubTime(ctx.now);
  return {
    deviceId: input.deviceId,
    moduleId: input.moduleId,
    etag: ctx.etag,
    generationId: dotNetTicks(ctx.now),
    status: input.status ?? 'enabled',
    statusReason: input.statusReason ?? null,
    statusUpdatedTime: null,
    lastActivityTime: null,
    authentication: resolveAuthentication(input.authentication, ctx.keys),
    iotEdge: input.moduleId ? false : (input.iotEdge ?? false),
    // Scopes belong to devices only; the registry resolved them before building (edge rules).
    deviceScope: input.moduleId ? null : (input.deviceScope ?? null),
    parentScopes: input.moduleId ? null : (input.parentScopes ?? null),
    managedBy: input.managedBy ?? null,
    twin: newTwin(input, ctx, now),
  };
}

function newTwin(input: IdentityInput, ctx: BuildContext, now: string): TwinState {
  const reported = ctx.applyReported ? input.reported : undefined;
  const stamps = ctx.createdStamps;
  // Most creates bring no metadata and no special stamps: no intermediate objects for them.
  const desiredMeta =
    input.desired && input.desiredMetadata
      ? givenMetadata(input.desiredMetadata, stamps?.desired ?? now)
      : undefined;
  const reportedMeta =
    reported && input.reportedMetadata
      ? givenMetadata(input.reportedMetadata, stamps?.reported ?? now)
      : undefined;
  return {
    etag: 1,
    tags: input.tags ?? {},
    desired: input.desired ?? {},
    reported: reported ?? {},
    desiredVersion: 1,
    reportedVersion: 1,
    desiredUpdated: desiredMeta?.time ?? stamps?.desired ?? now,
    reportedUpdated: reportedMeta?.time ?? stamps?.reported ?? now,
    desiredMeta: desiredMeta?.tree ?? UNIFORM,
    reportedMeta: reportedMeta?.tree ?? UNIFORM,
  };
}

/** Overwrites the identity with the input's data; twin sections the input lacks are kept. */
export function replaceIdentity(
  existing: Identity,
  input: IdentityInput,
  ctx: BuildContext,
): Identity {
  const status = input.status ?? existing.status;
  const updated: Identity = {
    ...existing,
    etag: ctx.etag,
    status,
    statusReason: input.statusReason !== undefined ? input.statusReason : existing.statusReason,
    statusUpdatedTime: status !== existing.status ? hubTime(ctx.now) : existing.statusUpdatedTime,
    authentication: resolveAuthentication(input.authentication, ctx.keys),
    iotEdge: existing.moduleId ? false : (input.iotEdge ?? existing.iotEdge),
    deviceScope: existing.moduleId
      ? null
      : input.deviceScope !== undefined
        ? input.deviceScope
        : existing.deviceScope,
    parentScopes: existing.moduleId
      ? null
      : input.parentScopes !== undefined
        ? input.parentScopes
        : existing.parentScopes,
  };
  return replaceTwin(updated, input, ctx);
}

/** Replaces the twin sections present in the input; bumps the twin etag only if one was given. */
export function replaceTwin(
  existing: Identity,
  input: Pick<
    IdentityInput,
    'tags' | 'desired' | 'reported' | 'desiredMetadata' | 'reportedMetadata'
  >,
  ctx: BuildContext,
): Identity {
  const reported = ctx.applyReported ? input.reported : undefined;
  if (!input.tags && !input.desired && !reported) return existing;
  const twin = existing.twin;
  const now = hubTime(ctx.now);
  // A replaced section is written as a whole now, unless the line brought its own metadata.
  const desiredMeta = input.desired
    ? givenMetadata(input.desiredMetadata, now)
    : { time: twin.desiredUpdated, tree: twin.desiredMeta };
  const reportedMeta = reported
    ? givenMetadata(input.reportedMetadata, now)
    : { time: twin.reportedUpdated, tree: twin.reportedMeta };
  return {
    ...existing,
    twin: {
      etag: twin.etag + 1,
      tags: input.tags ?? twin.tags,
      desired: input.desired ?? twin.desired,
      reported: reported ?? twin.reported,
      desiredVersion: twin.desiredVersion + (input.desired ? 1 : 0),
      reportedVersion: twin.reportedVersion + (reported ? 1 : 0),
      desiredUpdated: desiredMeta.time,
      reportedUpdated: reportedMeta.time,
      desiredMeta: desiredMeta.tree,
      reportedMeta: reportedMeta.tree,
    },
  };
}
