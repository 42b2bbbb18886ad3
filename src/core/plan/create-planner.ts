import { serializePlanLine } from '../diff/serialize-plan-line';
import type { ExportImportDevice } from '../model/export-import-device';
import type { RegistryIndex } from './build-registry-index';
import { planLine, type LinePlan } from './plan-line';
import { planNotices } from './plan-notices';
import { PlanState } from './plan-state';
import type { PlanNotice, PlanNoticeCode, PlanOptions, PlanRow, PlanSummary } from './plan-types';
import { parseImportLine, type ParsedImportLine } from './parse-import-line';
import { readLineKey } from './read-line-key';
import { createLineSplitter, isBlankLine } from './split-text-lines';

export interface PlanSink {
  /** Rows in file order, a batch at a time. */
  onRows?(rows: PlanRow[]): void;
  /** The job file's NDJSON (LF), a batch at a time: rewritten lines, unchanged ones left out. */
  onJobText?(text: string): void;
}

/** What the import leaves changed, for the undo: the final state and the rows that mint keys. */
export interface PlanChanges {
  state: PlanState;
  /** Identities a row would give new keys if its line were sent as it is. */
  keysAtRisk: ReadonlySet<string>;
}

export interface PlanResult {
  summary: PlanSummary;
  notices: PlanNotice[];
  /** Non-blank lines of the import file. */
  rows: number;
  /** Lines written to the job file. */
  sent: number;
  leftOut: number;
  /** Devices and modules the registry holds once the job ran, as predicted. */
  after: { devices: number; identities: number };
  changes: PlanChanges;
}

export interface Planner {
  push(chunk: string): void;
  finish(): PlanResult;
  /** Running counts per outcome. */
  readonly summary: Readonly<PlanSummary>;
}

const DEFAULT_BATCH = 10_000;

interface Pending {
  line: number;
  text: string;
}

/**
 * The third pass: the import file in text chunks, plan rows and the job file out, a batch at a
 * time. Within a batch the lines are applied in the emulator's order, sorted by device id with
 * each device's lines in file order, then handed out in file order.
 */
export function createPlanner(
  index: RegistryIndex,
  options: PlanOptions = {},
  sink: PlanSink = {},
): Planner {
  const state = new PlanState(index);
  const batchLines = options.batchLines ?? DEFAULT_BATCH;
  const ctx = {
    state,
    deviceCap: options.deviceCap ?? 1_000_000,
    strictIds: options.strictIds === true,
    applyReported: options.applyReported !== false,
    leaveOutUnchanged: options.leaveOutUnchanged !== false,
    keepKeys: options.keepKeys !== false,
    rotateKeysOf: options.rotateKeysOf ?? new Set<string>(),
    keysAtRisk: new Set<string>(),
  };
  const summary: PlanSummary = { create: 0, update: 0, unchanged: 0, delete: 0, fail: 0 };
  const noticeCounts: Partial<Record<PlanNoticeCode, number>> = {};
  let pending: Pending[] = [];
  let rowCount = 0;
  let sent = 0;

  const splitter = createLineSplitter((text, line) => {
    if (isBlankLine(text)) return;
    pending.push({ line, text });
    if (pending.length >= Math.max(batchLines, 1)) flush();
  });

  function flush(): void {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const plans = new Array<LinePlan>(batch.length);
    // Each line is parsed right before it is applied, so its objects die young instead of living
    // for the whole batch (a batch of parsed lines made the plan pass GC-bound).
    for (const i of applyOrder(batch)) {
      const text = batch[i]?.text ?? '';
      const parsed = parseImportLine(text);
      if (!parsed.ok) {
        plans[i] = unreadable(parsed);
        continue;
      }
      if (index.touched !== undefined && !index.touched.has(parsed.line.id))
        throw new Error(`device "${parsed.line.id}" was not in the scan of this import file`);
      plans[i] = planLine(parsed.line, ctx);
    }
    const rows: PlanRow[] = [];
    const job: string[] = [];
    batch.forEach((pendingLine, i) => {
      const plan = plans[i] ?? unreadable(undefined);
      const row: PlanRow = { line: pendingLine.line, ...plan.row };
      rows.push(row);
      count(row);
      if (row.sent)
        job.push(plan.rewritten === undefined ? pendingLine.text : serialize(plan.rewritten));
    });
    rowCount += batch.length;
    sent += job.length;
    sink.onRows?.(rows);
    if (job.length > 0) sink.onJobText?.(job.join('\n') + '\n');
  }

  // Sorting is stable, so lines of one device keep their file order (docs/hub-emulator.md). The
  // ids come from the cheap key reader; a line it cannot read fails and applies nothing, so where
  // it sorts does not matter.
  function applyOrder(batch: Pending[]): number[] {
    const order = batch.map((_, i) => i);
    if (batchLines <= 1) return order;
    const ids = batch.map((p) => readLineKey(p.text)?.id ?? '');
    return order.sort((a, b) => {
      const x = ids[a] ?? '';
      const y = ids[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }

  function count(row: PlanRow): void {
    summary[row.outcome]++;
    const bump = (code: PlanNoticeCode): void =>
      void (noticeCounts[code] = (noticeCounts[code] ?? 0) + 1);
    if (row.keysKept) bump('keys-kept');
    if (row.keysRotated) bump('keys-rotated');
    if (!row.sent) bump('unchanged-left-out');
    for (const note of row.notes ?? []) bump(note);
  }

  return {
    summary,
    push: (chunk) => splitter.push(chunk),
    finish(): PlanResult {
      splitter.end();
      flush();
      const registryIssues =
        Object.entries(index.issueCounts)
          .filter(([code]) => code !== 'leading-comment-line')
          .reduce((sum, [, n]) => sum + (n ?? 0), 0) + state.unreadableRecords;
      if (registryIssues > 0) noticeCounts['registry-issues'] = registryIssues;
      return {
        summary: { ...summary },
        notices: planNotices(noticeCounts),
        rows: rowCount,
        sent,
        leftOut: rowCount - sent,
        after: { devices: state.deviceCount, identities: state.identityCount },
        changes: { state, keysAtRisk: ctx.keysAtRisk },
      };
    },
  };
}

function unreadable(entry: ParsedImportLine | undefined): LinePlan {
  const failed =
    entry !== undefined && !entry.ok ? entry : { id: '', message: 'the line cannot be read' };
  const row: Omit<PlanRow, 'line'> = {
    id: failed.id,
    outcome: 'fail',
    errorCode: 400012,
    reason: 'unparseable',
    message: failed.message,
    sent: true,
  };
  if ('moduleId' in failed && failed.moduleId !== undefined) row.moduleId = failed.moduleId;
  return { row };
}

function serialize(json: Record<string, unknown>): string {
  return serializePlanLine(json as unknown as ExportImportDevice);
}
