import type { PlanNotice, PlanRow, PlanSummary } from '../../../../core/plan/plan-types';
import type { ImportMode } from '../../../../core/model/import-mode';
import type { UndoSummary } from '../../../../core/undo/undo-types';
import type { PlanClient, PlanRunOptions, RowsQuery } from '../../../workers/plan/plan-client';

// The plan of an import (docs/plan-and-undo.md) against a registry snapshot: the devices the file
// names read one by one through the proxy for a small file, or an export with keys for a large
// one. Core's engine decides every outcome, in the plan worker; the console keeps what it returns:
// the rewritten job file (keys kept, unchanged rows left out), the snapshot as a backup, the undo
// file, and a way to page through the rows that stay in the worker.

/** Where the snapshot came from, said in the plan ("Registry read 3 min ago from export ..."). */
export type PlanSource =
  { kind: 'lookup' } | { kind: 'export'; jobId: string; name: string; fresh: boolean };

export interface RegistryPlan {
  /** When the hub was read: the plan is only as fresh as this. */
  takenAt: string;
  source: PlanSource;
  summary: PlanSummary;
  notices: PlanNotice[];
  /** Rows of the plan, one per non-blank line; they stay in the worker. */
  rowCount: number;
  /** The first rows, shown before the table asks for a page. */
  firstRows: PlanRow[];
  pageRows(query: RowsQuery): Promise<{ total: number; rows: PlanRow[] }>;
  /** The file to send: lines rewritten by the plan, unchanged ones left out. */
  jobFile: Blob;
  jobSha256: string;
  jobByMode: Partial<Record<ImportMode, number>>;
  sent: number;
  leftOut: number;
  keysKept: number;
  keysRotated: number;
  /** Rows that change only the keys, to the keys they carry (a key regeneration). */
  keysReplaced: number;
  /** What the hub held before the import, keys included (admin only): the plan's input. */
  backup: Blob;
  undoFile: Blob;
  undo: UndoSummary;
}

export interface PlanInput {
  importFile: Blob;
  /** Export lines with keys: the lookup's records, or the export's devices.txt as it is. */
  registry: Blob;
  takenAt: string;
  source: PlanSource;
  options: PlanRunOptions;
  /** The hub's device count now; null while unknown. */
  hubDevices: number | null;
}

/** Plans in the worker, then has it write the undo file from the same plan. */
export async function planAgainstRegistry(
  client: PlanClient,
  input: PlanInput,
): Promise<RegistryPlan> {
  const done = await client.plan(
    input.importFile,
    input.registry,
    input.options,
    input.hubDevices ?? undefined,
  );
  const undo = await client.undo();
  const keysRotated = done.notices.find((notice) => notice.code === 'keys-rotated')?.count ?? 0;
  return {
    takenAt: input.takenAt,
    source: input.source,
    summary: done.summary,
    notices: done.notices,
    rowCount: done.rows,
    firstRows: done.firstRows,
    pageRows: (query) => client.rows(query),
    jobFile: done.jobFile,
    jobSha256: done.jobSha256,
    jobByMode: done.jobByMode,
    sent: done.sent,
    leftOut: done.leftOut,
    keysKept: done.keysKeptSent,
    keysRotated,
    keysReplaced: done.notices.find((notice) => notice.code === 'keys-replaced')?.count ?? 0,
    backup: input.registry,
    undoFile: undo.file,
    undo: undo.summary,
  };
}
