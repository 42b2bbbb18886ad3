import type { ExportImportDevice } from '../model/export-import-device';
import { deviceKey } from '../registry/device-key';
import { readRecordDevice } from '../registry/read-record-device';
import type { RegistryRecord, RegistrySnapshot } from '../registry/registry-types';
import { authenticationOf, deleteLine, hasKeys, identityLine, twinLine } from './build-plan-line';
import type { DeviceChange, RegistryDiff } from './diff-types';
import { isIdentityField } from './field-order';

export type PlanMode = 'create' | 'delete' | 'createOrUpdate' | 'updateTwin';

export type PlanNoticeCode =
  | 'system-modules-skipped'
  | 'modules-deleted-with-device'
  | 'nothing-to-apply'
  | 'keys-will-be-regenerated'
  | 'created-without-authentication';

export interface PlanNotice {
  code: PlanNoticeCode;
  count: number;
  message: string;
}

export interface MakeBLikeAPlan {
  counts: Record<PlanMode, number>;
  notices: PlanNotice[];
  /**
   * The import lines, in diff order (a device before its modules). Parsed from the snapshots one at
   * a time.
   */
  lines(): Generator<ExportImportDevice>;
}

interface Step {
  mode: PlanMode;
  change: DeviceChange;
}

const MESSAGES: Record<PlanNoticeCode, string> = {
  'system-modules-skipped':
    '$edgeAgent/$edgeHub lines are left out: the hub creates and deletes them with their edge device and rejects them in imports',
  'modules-deleted-with-device':
    'module lines of deleted devices are left out: deleting a device deletes its modules',
  'nothing-to-apply': 'changes only in version fields or reported properties need no import line',
  'keys-will-be-regenerated':
    'createOrUpdate lines without keys (neither export has them): the hub will generate new keys for these',
  'created-without-authentication':
    'created from a keys-excluded export: the hub will generate SAS keys for these',
};

/**
 * The import that turns B into A: create what only A has, delete what only B has, rewrite what
 * changed.
 */
export function planMakeBLikeA(
  diff: RegistryDiff,
  a: RegistrySnapshot,
  b: RegistrySnapshot,
): MakeBLikeAPlan {
  const counts: Record<PlanMode, number> = {
    create: 0,
    delete: 0,
    createOrUpdate: 0,
    updateTwin: 0,
  };
  const skipped: Partial<Record<PlanNoticeCode, number>> = {};
  const skip = (code: PlanNoticeCode): void => void (skipped[code] = (skipped[code] ?? 0) + 1);
  const steps: Step[] = [];
  const deletedDevices = new Set<string>();

  for (const change of diff.changes) {
    if (change.moduleId?.startsWith('$')) {
      skip('system-modules-skipped');
      continue;
    }
    const mode = modeFor(change, deletedDevices);
    if (mode === undefined) {
      skip(change.kind === 'added' ? 'modules-deleted-with-device' : 'nothing-to-apply');
      continue;
    }
    if (mode === 'delete' && change.moduleId === undefined) deletedDevices.add(change.id);
    counts[mode]++;
    steps.push({ mode, change });
  }

  function* lines(): Generator<ExportImportDevice> {
    for (const { mode, change } of steps) {
      const key = deviceKey(change.id, change.moduleId);
      if (mode === 'delete') {
        yield deleteLine(read(b, key));
        continue;
      }
      const device = read(a, key);
      if (mode === 'updateTwin') {
        yield twinLine(device);
        continue;
      }
      let auth = authenticationOf(device);
      if (mode === 'createOrUpdate' && !hasKeys(auth)) auth = keepKeysOfB(auth, read(b, key));
      yield identityLine(device, mode, auth);
    }
  }

  return { counts, notices: planNotices(steps, skipped, a, b), lines };
}

function modeFor(change: DeviceChange, deletedDevices: Set<string>): PlanMode | undefined {
  // Undo of each change: what B added goes, what A had and B lost comes back.
  if (change.kind === 'removed') return 'create';
  if (change.kind === 'added')
    return change.moduleId !== undefined && deletedDevices.has(change.id) ? undefined : 'delete';
  const applicable = change.fields.filter(isApplicable);
  if (applicable.length === 0) return undefined;
  return applicable.some(isIdentityField) ? 'createOrUpdate' : 'updateTwin';
}

function isApplicable(path: string): boolean {
  if (path === 'eTag' || path === 'twinETag') return false;
  if (path.startsWith('properties.reported.')) return false;
  return path !== 'properties.desired.$metadata' && path !== 'properties.desired.$version';
}

// A createOrUpdate without keys makes the hub generate new ones
// (docs/reference/hub-wire-contract.md#import-modes, "regenerate keys automatically"). When A was
// exported without keys but B has them and the type still matches, B's keys are kept so the
// device's credentials do not silently change.
function keepKeysOfB(
  auth: ReturnType<typeof authenticationOf>,
  b: ExportImportDevice,
): ReturnType<typeof authenticationOf> {
  const fromB = authenticationOf(b);
  if (fromB === undefined || !hasKeys(fromB)) return auth;
  if (auth === undefined) return fromB;
  if (auth.type?.toLowerCase() !== fromB.type?.toLowerCase()) return auth;
  return { ...auth, symmetricKey: fromB.symmetricKey ?? null };
}

function read(snapshot: RegistrySnapshot, key: string): ExportImportDevice {
  const record: RegistryRecord | undefined = snapshot.records.get(key);
  if (record === undefined)
    throw new Error(`plan refers to a record missing from its snapshot: ${JSON.stringify(key)}`);
  return readRecordDevice(record.text);
}

// One parse of A's line per create/createOrUpdate step (and of B's only when A has no keys), so
// the counts are known before the caller starts streaming the lines out.
function planNotices(
  steps: Step[],
  skipped: Partial<Record<PlanNoticeCode, number>>,
  a: RegistrySnapshot,
  b: RegistrySnapshot,
): PlanNotice[] {
  const counted: Partial<Record<PlanNoticeCode, number>> = { ...skipped };
  const bump = (code: PlanNoticeCode): void => void (counted[code] = (counted[code] ?? 0) + 1);
  for (const { mode, change } of steps) {
    if (mode !== 'create' && mode !== 'createOrUpdate') continue;
    const key = deviceKey(change.id, change.moduleId);
    const auth = authenticationOf(read(a, key));
    if (hasKeys(auth)) continue;
    if (mode === 'create' && auth === undefined) bump('created-without-authentication');
    const isSas = auth === undefined || auth.type?.toLowerCase() === 'sas';
    if (mode === 'createOrUpdate' && isSas && !hasKeys(authenticationOf(read(b, key))))
      bump('keys-will-be-regenerated');
  }
  return (Object.keys(counted) as PlanNoticeCode[]).map((code) => ({
    code,
    count: counted[code] ?? 0,
    message: MESSAGES[code],
  }));
}
