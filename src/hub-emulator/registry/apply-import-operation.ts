import { replaceTwin } from '../model/build-identity';
import { validateIdentityInput } from '../model/validate-identity-input';
import { deviceEtag, etagCounterText, twinEtag } from '../model/etag';
import type { Identity } from '../model/identity';
import { isEdgeSystemModule } from '../model/device-scope';
import type { ImportOperation } from './import-operation';
import type { OperationFailure } from './operation-failure';
import type { RegistryContext } from './registry-context';
import { buildContext, createNew, refuseSystemModuleDelete, replace } from './write-identity';

export type { OperationFailure } from './operation-failure';
export type { RegistryContext } from './registry-context';

// Import-mode semantics (docs/reference/hub-wire-contract.md#import-modes), shared by import jobs
// and bulk POST /devices. A failure is data: the job writes it to importErrors.log, the bulk call
// to errors[].
export function applyImportOperation(
  op: ImportOperation,
  ctx: RegistryContext,
): OperationFailure | undefined {
  const { input, mode } = op;
  // `create` is most of a bulk import: try the insert straight away instead of a lookup first.
  if (mode === 'create') {
    const invalid = validateIdentityInput(input, ctx.strictIds, true);
    if (invalid) return { errorName: 'ArgumentInvalid', message: invalid };
    return createNew(input, ctx);
  }
  const existing = ctx.store.getIdentity(input.deviceId, input.moduleId);
  const creating = !existing && (mode === 'createOrUpdate' || mode === 'createOrUpdateIfMatchETag');
  const invalid = validateIdentityInput(input, ctx.strictIds, creating);
  if (invalid) return { errorName: 'ArgumentInvalid', message: invalid };

  if (!existing) {
    if (!creating) return notFound(op);
    return createNew(input, ctx);
  }
  const etagCheck =
    mode === 'updateIfMatchETag' ||
    mode === 'createOrUpdateIfMatchETag' ||
    mode === 'deleteIfMatchETag';
  // A missing eTag on an *IfMatchETag line is unconditional, as recorded for deleteIfMatchETag
  // (docs/reference/hub-wire-contract.md#recorded-traffic).
  if (etagCheck && op.eTag !== undefined && op.eTag !== deviceEtag(existing.etag)) {
    return {
      errorName: 'PreconditionFailed',
      message: `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(op.eTag)}`,
    };
  }
  // twinETag guards the twin write of createOrUpdate* and is the only check of
  // updateTwinIfMatchETag; the other modes ignore it
  // (docs/reference/hub-wire-contract.md#import-modes table).
  const twinCheck =
    mode === 'createOrUpdate' ||
    mode === 'createOrUpdateIfMatchETag' ||
    mode === 'updateTwinIfMatchETag';
  if (
    twinCheck &&
    op.twinETag !== undefined &&
    op.twinETag !== twinEtag(existing.twin.etag) &&
    !untouchedRuntimeModule(existing)
  ) {
    return {
      errorName: 'PreconditionFailed',
      message: `ETag mismatch for device ID '${input.deviceId}'`,
    };
  }
  if (mode === 'delete' || mode === 'deleteIfMatchETag') {
    const refused = refuseSystemModuleDelete(input.deviceId, input.moduleId);
    if (refused) return refused;
    ctx.store.deleteIdentity(input.deviceId, input.moduleId);
    return undefined;
  }
  const build = buildContext(ctx);
  if (mode === 'updateTwin' || mode === 'updateTwinIfMatchETag') {
    ctx.store.updateIdentity(replaceTwin(existing, input, build));
    return undefined;
  }
  return replace(existing, input, ctx);
}

// errorStatus texts follow the REST messages with the `ErrorCode:<Name>;` prefix removed
// (docs/reference/hub-wire-contract.md#recorded-traffic: a 404001 line carries just the device id).
function notFound(op: ImportOperation): OperationFailure {
  const { deviceId, moduleId } = op.input;
  return moduleId
    ? { errorName: 'ModuleNotFound', message: `${deviceId}/${moduleId}` }
    : { errorName: 'DeviceNotFound', message: deviceId };
}

// The runtime modules an edge device line just brought into being stand in for modules the line
// would have created, so the source hub's twinETag of their export lines cannot match and is not
// checked while their twins are untouched (docs/hub-emulator.md, "Edge devices and scopes").
function untouchedRuntimeModule(existing: Identity): boolean {
  return isEdgeSystemModule(existing.moduleId) && existing.twin.etag === 1;
}
