import type { ImportMode } from '../model/import-mode';

// The public shapes of the plan engine: what the CLI, the worker shell and the console exchange
// with core. A plan row says what the hub will do with one line of the import file.

export type PlanOutcome = 'create' | 'update' | 'unchanged' | 'delete' | 'fail';

export const PLAN_OUTCOMES: readonly PlanOutcome[] = [
  'create',
  'update',
  'unchanged',
  'delete',
  'fail',
];

/**
 * Why a row fails, each with the numeric code the hub writes to importErrors.log
 * (docs/reference/hub-wire-contract.md#import-error-log, #error-codes).
 */
export const PLAN_FAILURES = {
  unparseable: 400012,
  'invalid-value': 400004,
  'invalid-scope': 400004,
  'device-cap': 403002,
  'device-missing': 404001,
  'module-missing': 404010,
  'device-exists': 409001,
  'module-exists': 409301,
  'etag-mismatch': 412001,
  'twin-etag-mismatch': 412001,
} as const;

export type PlanFailReason = keyof typeof PLAN_FAILURES;

/** What a row's line does beyond its outcome, worth telling an admin. */
export type PlanRowNote =
  /** The hub mints the edge device's scope: the line's deviceScope is not used. */
  | 'scope-generated'
  /** The hub creates `$edgeAgent` and `$edgeHub` with a new edge device. */
  | 'system-modules-created'
  /** Deleting the device deletes its modules too. */
  | 'modules-deleted'
  /** Devices whose parent this edge device is keep a scope that no longer exists. */
  | 'children-keep-scope'
  /** The registry snapshot has no keys for this device, so they could not be kept. */
  | 'keys-unknown'
  /** The snapshot was exported without authentication: it could not be compared. */
  | 'authentication-not-compared';

export interface PlanRow {
  /** 1-based physical line of the import file. */
  line: number;
  /** '' when the line has no readable id. */
  id: string;
  moduleId?: string;
  /** The line's import mode; absent when the line cannot be read. */
  mode?: ImportMode;
  outcome: PlanOutcome;
  errorCode?: number;
  reason?: PlanFailReason;
  /** Why it fails, in words; never holds a key. */
  message?: string;
  /** Changed field paths of an `update` (diff engine names, e.g. `status`, `tags.site`). */
  fields?: string[];
  /** The hub mints new keys for this existing device. */
  keysRotated?: boolean;
  /** The line had no keys; the registry's authentication was written into it. */
  keysKept?: boolean;
  notes?: PlanRowNote[];
  /** False when the row is left out of the job file (its outcome is `unchanged`). */
  sent: boolean;
}

export type PlanSummary = Record<PlanOutcome, number>;

export interface PlanOptions {
  /**
   * Devices + modules the hub may hold (docs/reference/hub-wire-contract.md#limits). Default
   * 1,000,000.
   */
  deviceCap?: number;
  /**
   * Keyless identity lines on an existing device carry the registry's authentication instead of
   * letting the hub mint keys. Default true.
   */
  keepKeys?: boolean;
  /** `deviceKey(id, moduleId)` of rows whose keys the admin chose to regenerate. */
  rotateKeysOf?: ReadonlySet<string>;
  /** Rows whose outcome is `unchanged` are not written to the job file. Default true. */
  leaveOutUnchanged?: boolean;
  /**
   * Lines are applied in batches of this many, sorted by device id within a batch (the order
   * docs/hub-emulator.md documents; lines of one device keep their file order). 0 applies them in
   * file order. Default 10,000.
   */
  batchLines?: number;
  /** Refuse `+` and `#` in ids, as the emulator's --strict-ids does. Default false. */
  strictIds?: boolean;
  /** Reported properties in import lines are applied (docs/hub-emulator.md). Default true. */
  applyReported?: boolean;
}

export type PlanNoticeCode =
  | 'keys-kept'
  | 'keys-rotated'
  | 'keys-unknown'
  | 'unchanged-left-out'
  | 'scope-generated'
  | 'system-modules-created'
  | 'modules-deleted'
  | 'children-keep-scope'
  | 'authentication-not-compared'
  | 'registry-issues'
  | 'over-device-cap'
  | 'keys-replaced';

export interface PlanNotice {
  code: PlanNoticeCode;
  count: number;
  message: string;
}
