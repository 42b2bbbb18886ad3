import type {
  AuthenticationMechanism,
  ExportImportDevice,
  TwinCollection,
} from '../model/export-import-device';
import type { RegistryEntry } from '../registry/registry-types';
import type { EdgeHierarchy } from './edge-hierarchy';

// One export line of the source hub rewritten as an import line for the target
// (docs/bulk-flows.md, "Copy a hub into another"). The line is built from the fields an import
// takes (docs/reference/hub-wire-contract.md#line-fields), so whatever else an export carries
// (eTag, twinETag, generationId, connection state, activity times, twin $metadata and $version)
// never reaches the target: those are the source hub's versions of the identity, and the target
// makes its own.

export type CopyMode = 'create' | 'createOrUpdate';

export const COPY_MODES: readonly CopyMode[] = ['create', 'createOrUpdate'];

/** Why a line of the export is not copied. */
export const COPY_SKIP_REASONS = {
  runtimeModule:
    'a module of the IoT Edge runtime: the target creates it with its edge device, with keys of its own',
  runtimeModuleWithTwin:
    'a module of the IoT Edge runtime: the target creates it with its edge device, with keys of its own; its desired properties (a deployment) are not copied: copy the configurations, or apply the deployment again on the target',
  noKeys:
    'the export has no keys for it (export with keys): the target would make new ones and the device could no longer connect',
  deviceNotCopied: 'its device is not copied',
} as const;

/** A change the copy makes to a line so that the target takes it. */
export const COPY_NOTE_REASONS = {
  danglingParent:
    'copied without its parent: the scope it names belongs to no edge device in the export, and the target refuses a scope no device holds',
} as const;

export type CopyLineResult = { line: string; note?: string } | { skipped: string };

const RUNTIME_MODULES = new Set(['$edgeAgent', '$edgeHub']);

export function isEdgeRuntimeModule(moduleId: string | undefined): boolean {
  return moduleId !== undefined && RUNTIME_MODULES.has(moduleId);
}

/** The import line that creates (or re-writes) the entry on the target, or why it is left out. */
export function copyDeviceLine(
  entry: RegistryEntry,
  mode: CopyMode,
  hierarchy: EdgeHierarchy,
): CopyLineResult {
  const { device } = entry;
  if (isEdgeRuntimeModule(entry.moduleId))
    return {
      skipped: isEmpty(withoutVersions(device.properties?.desired))
        ? COPY_SKIP_REASONS.runtimeModule
        : COPY_SKIP_REASONS.runtimeModuleWithTwin,
    };
  const authentication = keptAuthentication(device.authentication);
  if (authentication === undefined) return { skipped: COPY_SKIP_REASONS.noKeys };

  const line: Record<string, unknown> = { id: device.id };
  if (entry.moduleId !== undefined) line.moduleId = entry.moduleId;
  line.importMode = mode;
  line.status = typeof device.status === 'string' ? device.status.toLowerCase() : 'enabled';
  if (entry.moduleId === undefined && typeof device.statusReason === 'string')
    line.statusReason = device.statusReason;
  line.authentication = authentication;
  const tags = device.tags;
  if (tags && !isEmpty(tags)) line.tags = tags;
  const desired = withoutVersions(device.properties?.desired);
  const reported = withoutVersions(device.properties?.reported);
  if (!isEmpty(desired) || !isEmpty(reported))
    line.properties = {
      ...(isEmpty(desired) ? {} : { desired }),
      ...(isEmpty(reported) ? {} : { reported }),
    };
  let note: string | undefined;
  if (entry.moduleId === undefined) {
    const iotEdge = device.capabilities?.iotEdge === true;
    line.capabilities = { iotEdge };
    note = iotEdge
      ? writeEdgeScopes(line, device, hierarchy)
      : writeLeafScope(line, device, hierarchy);
  }
  return note === undefined ? { line: JSON.stringify(line) } : { line: JSON.stringify(line), note };
}

/**
 * The keys, thumbprints or certificate authority as exported; undefined when the export carries
 * none for a SAS identity (a keys-excluded export), which the target would fill with keys of its
 * own.
 */
function keptAuthentication(
  auth: AuthenticationMechanism | null | undefined,
): AuthenticationMechanism | undefined {
  if (auth === null || auth === undefined) return undefined;
  const type = typeof auth.type === 'string' ? auth.type : 'sas';
  if (
    type.toLowerCase() === 'sas' &&
    !auth.symmetricKey?.primaryKey &&
    !auth.symmetricKey?.secondaryKey
  )
    return undefined;
  return auth;
}

// An edge device keeps the scope the source hub made for it: the target takes a scope of that form
// for the same device id on create (docs/hub-emulator.md, "Edge devices and scopes"), so its
// children's lines still name their parent.
function writeEdgeScopes(
  line: Record<string, unknown>,
  device: ExportImportDevice,
  hierarchy: EdgeHierarchy,
): string | undefined {
  if (typeof device.deviceScope === 'string' && device.deviceScope !== '')
    line.deviceScope = device.deviceScope;
  const parent = Array.isArray(device.parentScopes) ? device.parentScopes[0] : undefined;
  if (typeof parent !== 'string' || parent === '') {
    line.parentScopes = [];
    return undefined;
  }
  if (hierarchy.ownerOf(parent) === undefined) {
    line.parentScopes = [];
    return COPY_NOTE_REASONS.danglingParent;
  }
  line.parentScopes = [parent];
  return undefined;
}

function writeLeafScope(
  line: Record<string, unknown>,
  device: ExportImportDevice,
  hierarchy: EdgeHierarchy,
): string | undefined {
  const scope = device.deviceScope;
  if (typeof scope !== 'string' || scope === '') return undefined;
  if (hierarchy.ownerOf(scope) === undefined) return COPY_NOTE_REASONS.danglingParent;
  line.deviceScope = scope;
  line.parentScopes = [scope];
  return undefined;
}

/** A twin section without the source hub's `$metadata` and `$version`. */
function withoutVersions(section: TwinCollection | undefined): TwinCollection {
  if (section === undefined || section === null || typeof section !== 'object') return {};
  if (!('$metadata' in section) && !('$version' in section)) return section;
  const { $metadata: _metadata, $version: _version, ...rest } = section;
  return rest;
}

function isEmpty(value: object): boolean {
  for (const _key in value) return false;
  return true;
}
