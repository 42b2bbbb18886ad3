export interface DiffOptions {
  /**
   * Also compare `eTag`, `twinETag` and the `$metadata`/`$version` of desired (and reported)
   * properties.
   */
  includeVersionFields?: boolean;
  /** Also compare reported properties; off by default because devices rewrite them constantly. */
  includeReported?: boolean;
}

/**
 * A is before, B is after, as in every diff tool: `added` is in B only, `removed` in A only, and a
 * change reads from A's value to B's. Turning the hub back (B) into A undoes each: "make the hub
 * like A" deletes what was added and recreates what was removed.
 */
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface DeviceChange {
  id: string;
  moduleId?: string;
  kind: ChangeKind;
  /**
   * Changed field paths, e.g. `status`, `authentication.keys`, `tags.site`; empty for added and
   * removed.
   */
  fields: string[];
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export type DiffNoticeCode = 'authentication-not-compared' | 'keys-not-compared';

/**
 * Why part of a device could not be compared: a keys-excluded export has no authentication to
 * compare.
 */
export interface DiffNotice {
  code: DiffNoticeCode;
  /** Records concerned, at most (the larger side's count). */
  count: number;
  message: string;
}

export interface RegistryDiff {
  summary: DiffSummary;
  /** Sorted by id, then moduleId (a device right before its modules). */
  changes: DeviceChange[];
  notices: DiffNotice[];
  options: Required<DiffOptions>;
}
