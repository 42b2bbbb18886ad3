import { KEYS_PATH } from '../diff/collect-device-fields';
import { serializePlanLine } from '../diff/serialize-plan-line';
import type { ExportImportDevice } from '../model/export-import-device';
import type { RegistryIndex } from './build-registry-index';
import { orderBatchLines as applyOrder } from './order-batch-lines';
import { planLine, unreadableLinePlan, type LinePlan } from './plan-line';
import type { PlanResult, Planner, PlanSink } from './plan-result';
import { planNotices } from './plan-notices';
import { PlanState } from './plan-state';
import { PLAN_FAILURES } from './plan-types';
import type { PlanNoticeCode, PlanOptions, PlanRow, PlanSummary } from './plan-types';
import { parseImportLine } from './parse-import-line';
import { createLineSplitter, isBlankLine } from '../text/split-text-lines';

const DEFAULT_BATCH = 10_000;

import type { PendingLine as Pending } from './order-batch-lines';

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
    for (const i of applyOrder(batch, batchLines)) {
      const text = batch[i]?.text ?? '';
      const parsed = parseImportLine(text);
      if (!parsed.ok) {
        plans[i] = unreadableLinePlan(parsed);
        continue;
      }
      if (index.touched !== undefined && !index.touched.has(parsed.line.id))
        throw new Error(`device "${parsed.line.id}" was not in the scan of this import file`);
      plans[i] = planLine(parsed.line, ctx);
    }
    const rows: PlanRow[] = [];
    const job: string[] = [];
    batch.forEach((pendingLine, i) => {
      const plan = plans[i] ?? unreadableLinePlan(undefined);
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

  function count(row: PlanRow): void {
    summary[row.outcome]++;
    const bump = (code: PlanNoticeCode): void =>
      void (noticeCounts[code] = (noticeCounts[code] ?? 0) + 1);
    if (row.keysKept) bump('keys-kept');
    if (row.keysRotated) bump('keys-rotated');
    // A key rotation the file carries (docs/bulk-flows.md, "Regenerate keys"): the confirmation
    // names it as new keys, not as a change.
    if (
      row.outcome === 'update' &&
      !row.keysRotated &&
      row.fields?.length === 1 &&
      row.fields[0] === KEYS_PATH
    )
      bump('keys-replaced');
    // One explanation of the cap for the whole plan (docs/plan-and-undo.md, "The device cap").
    if (row.errorCode === PLAN_FAILURES['device-cap']) bump('over-device-cap');
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

function serialize(json: Record<string, unknown>): string {
  return serializePlanLine(json as unknown as ExportImportDevice);
}
