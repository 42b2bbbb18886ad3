import type { IssueCodeOf } from '../issues/issue-catalogue';

// The raw fields of one input record before validation. One draft object is reused for every row
// (reset between rows) so the hot path allocates only what ends up in the output.
export interface RowDraft {
  id: string | undefined;
  moduleId: string | undefined;
  importMode: string | undefined;
  status: string | undefined;
  statusReason: string | undefined;
  authType: string | undefined;
  primaryKey: string | undefined;
  secondaryKey: string | undefined;
  primaryThumbprint: string | undefined;
  secondaryThumbprint: string | undefined;
  eTag: string | undefined;
  twinETag: string | undefined;
  tags: Record<string, unknown> | undefined;
  desired: Record<string, unknown> | undefined;
  /**
   * Twin members as JSON text (`"k":v,...`) when the plan writes twins from flat columns; '' when
   * none.
   */
  tagsText: string;
  desiredText: string;
  /**
   * Upper bound of the serialized size in UTF-16 units, so small twins skip the exact size check.
   */
  tagsEstimate: number;
  desiredEstimate: number;
  /**
   * Whole-JSON cells or JSON objects must have their keys and depth walked; dotted columns were
   * checked once.
   */
  tagsNeedKeyCheck: boolean;
  desiredNeedKeyCheck: boolean;
  hasReported: boolean;
  iotEdge: unknown;
  deviceScope: string | undefined;
  parentScopes: unknown;
  /** First problem found while reading cells (a cell that is not valid JSON, a bad dotted key). */
  cellError: { field: string; code: IssueCodeOf<'error'>; message: string } | undefined;
}

export function createRowDraft(): RowDraft {
  return {
    id: undefined,
    moduleId: undefined,
    importMode: undefined,
    status: undefined,
    statusReason: undefined,
    authType: undefined,
    primaryKey: undefined,
    secondaryKey: undefined,
    primaryThumbprint: undefined,
    secondaryThumbprint: undefined,
    eTag: undefined,
    twinETag: undefined,
    tags: undefined,
    desired: undefined,
    tagsText: '',
    desiredText: '',
    tagsEstimate: 0,
    desiredEstimate: 0,
    tagsNeedKeyCheck: false,
    desiredNeedKeyCheck: false,
    hasReported: false,
    iotEdge: undefined,
    deviceScope: undefined,
    parentScopes: undefined,
    cellError: undefined,
  };
}

export function resetRowDraft(d: RowDraft): void {
  d.id = undefined;
  d.moduleId = undefined;
  d.importMode = undefined;
  d.status = undefined;
  d.statusReason = undefined;
  d.authType = undefined;
  d.primaryKey = undefined;
  d.secondaryKey = undefined;
  d.primaryThumbprint = undefined;
  d.secondaryThumbprint = undefined;
  d.eTag = undefined;
  d.twinETag = undefined;
  d.tags = undefined;
  d.desired = undefined;
  d.tagsText = '';
  d.desiredText = '';
  d.tagsEstimate = 0;
  d.desiredEstimate = 0;
  d.tagsNeedKeyCheck = false;
  d.desiredNeedKeyCheck = false;
  d.hasReported = false;
  d.iotEdge = undefined;
  d.deviceScope = undefined;
  d.parentScopes = undefined;
  d.cellError = undefined;
}
