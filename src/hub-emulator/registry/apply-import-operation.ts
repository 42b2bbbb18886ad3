import type { HubErrorName } from '../http/hub-error';
import type { Identity } from '../model/identity';
import type { KeySource } from '../model/key-source';
import type { HubStore } from '../store/hub-store';
import {
  createIdentity,
  replaceIdentity,
  replaceTwin,
  type BuildContext,
} from '../model/build-identity';
import { validateIdentityInput } from '../model/validate-identity-input';
import { deviceEtag, etagCounterText, twinEtag } from '../model/etag';
import type { ImportOperation } from './import-operation';

// Import-mode semantics (hub-protocol.md sec. 4.2), shared by import jobs and bulk POST /devices.
// A failure is data: the job writes it to importErrors.log, the bulk call to errors[].
export interface RegistryContext {
  store: HubStore;
  now: Date;
  keys: KeySource;
  deviceCap: number;
  strictIds: boolean;
  applyReported: boolean;
}

export interface OperationFailure {
  errorName: HubErrorName;
  message: string;
}

export function applyImportOperation(
  op: ImportOperation,
  ctx: RegistryContext,
): OperationFailure | undefined {
  const { input, mode } = op;
  // `create` is most of a bulk import: try the insert straight away instead of a lookup first.
  if (mode === 'create') {
    const invalid = validateIdentityInput(input, ctx.strictIds, true);
    if (invalid) return { errorName: 'ArgumentInvalid', message: invalid };
    return create(op, ctx);
  }
  const existing = ctx.store.getIdentity(input.deviceId, input.moduleId);
  const creating = !existing && (mode === 'createOrUpdate' || mode === 'createOrUpdateIfMatchETag');
  const invalid = validateIdentityInput(input, ctx.strictIds, creating);
  if (invalid) return { errorName: 'ArgumentInvalid', message: invalid };

  if (!existing) {
    if (!creating) return notFound(op);
    return create(op, ctx);
  }
  const etagCheck =
    mode === 'updateIfMatchETag' ||
    mode === 'createOrUpdateIfMatchETag' ||
    mode === 'deleteIfMatchETag';
  // A missing eTag on an *IfMatchETag line is unconditional, as recorded for deleteIfMatchETag
  // (evidence sec. 5).
  if (etagCheck && op.eTag !== undefined && op.eTag !== deviceEtag(existing.etag)) {
    return {
      errorName: 'PreconditionFailed',
      message: `Precondition failed: Device version did not match, existingVersion:${existing.etag} newVersion:${etagCounterText(op.eTag)}`,
    };
  }
  // twinETag guards the twin write of createOrUpdate* (D-BULK17) and is the only check of
  // updateTwinIfMatchETag; the other modes ignore it (sec. 4.2 table).
  const twinCheck =
    mode === 'createOrUpdate' ||
    mode === 'createOrUpdateIfMatchETag' ||
    mode === 'updateTwinIfMatchETag';
  if (twinCheck && op.twinETag !== undefined && op.twinETag !== twinEtag(existing.twin.etag)) {
    return {
      errorName: 'PreconditionFailed',
      message: `ETag mismatch for device ID '${input.deviceId}'`,
    };
  }
  if (mode === 'delete' || mode === 'deleteIfMatchETag') {
    ctx.store.deleteIdentity(input.deviceId, input.moduleId);
    return undefined;
  }
  const build = buildContext(ctx);
  if (mode === 'updateTwin' || mode === 'updateTwinIfMatchETag') {
    ctx.store.updateIdentity(replaceTwin(existing, input, build));
    return undefined;
  }
  ctx.store.updateIdentity(replaceIdentity(existing, input, build));
  return undefined;
}

function create(op: ImportOperation, ctx: RegistryContext): OperationFailure | undefined {
  const { input } = op;
  if (input.moduleId && !ctx.store.getIdentity(input.deviceId, '')) {
    return { errorName: 'DeviceNotFound', message: input.deviceId };
  }
  if (ctx.store.identityCount() >= ctx.deviceCap) {
    if (ctx.store.getIdentity(input.deviceId, input.moduleId)) return alreadyExists(op);
    return {
      errorName: 'IotHubQuotaExceeded',
      message: 'Total number of devices on IotHub exceeded the allocated quota.',
    };
  }
  const identity: Identity = createIdentity(input, buildContext(ctx));
  return ctx.store.insertIdentity(identity) ? undefined : alreadyExists(op);
}

function buildContext(ctx: RegistryContext): BuildContext {
  return {
    now: ctx.now,
    keys: ctx.keys,
    etag: ctx.store.nextEtag(),
    applyReported: ctx.applyReported,
  };
}

// errorStatus texts follow the REST messages with the `ErrorCode:<Name>;` prefix removed
// (hub-recorded-evidence.md sec. 3: a 404001 line carries just the device id).
function notFound(op: ImportOperation): OperationFailure {
  const { deviceId, moduleId } = op.input;
  return moduleId
    ? { errorName: 'ModuleNotFound', message: `${deviceId}/${moduleId}` }
    : { errorName: 'DeviceNotFound', message: deviceId };
}

function alreadyExists(op: ImportOperation): OperationFailure {
  const { deviceId, moduleId } = op.input;
  return moduleId
    ? {
        errorName: 'ModuleAlreadyExistsOnDevice',
        message: `A module with ID '${moduleId}' already exists on device '${deviceId}'.`,
      }
    : {
        errorName: 'DeviceAlreadyExists',
        message: `A device with ID '${deviceId}' is already registered.`,
      };
}
