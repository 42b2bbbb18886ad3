import type { ExportImportDevice } from '../model/export-import-device';

export interface UndoSummary {
  /** Devices and modules the import creates: the undo deletes them. */
  delete: number;
  /** Devices and modules the import deletes: the undo creates them again, keys included. */
  recreate: number;
  /** Devices and modules the import changes: the undo writes their identity and twin back. */
  restore: number;
}

export type UndoNoticeCode =
  | 'scope-regenerated'
  | 'parent-link-lost'
  | 'keys-not-restorable'
  | 'system-modules-restored'
  | 'system-modules-kept';

export interface UndoNotice {
  code: UndoNoticeCode;
  count: number;
  message: string;
}

export interface UndoPlan {
  summary: UndoSummary;
  notices: UndoNotice[];
  /** Lines in the order to import them: deletes (children first), re-creations (parents first), restores. */
  lines(): Generator<ExportImportDevice>;
}
