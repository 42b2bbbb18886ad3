import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { serializePlanLines } from '../../../core/diff/serialize-plan-line';
import { parseImportErrorLine } from '../../../core/import-errors/parse-import-error-log';
import type { ImportErrorEntry } from '../../../core/import-errors/parse-import-error-log';
import { createRegistryIndex } from '../../../core/plan/build-registry-index';
import { createOutcomeCheck } from '../../../core/plan/compare-plan-outcome';
import { createPlanner } from '../../../core/plan/create-planner';
import type { Planner, PlanResult } from '../../../core/plan/plan-result';
import type { ImportMode } from '../../../core/model/import-mode';
import type { PlanOptions, PlanRow } from '../../../core/plan/plan-types';
import { createTouchScanner } from '../../../core/plan/scan-touched-devices';
import { createLineSplitter } from '../../../core/text/split-text-lines';
import { deviceKey } from '../../../core/registry/device-key';
import { buildUndo } from '../../../core/undo/build-undo';
import type { FromPlanWorker, ToPlanWorker } from '../../../contracts/worker/plan-messages';
import { createBlobCollector } from './blob-collector';
import { effectiveDeviceCap } from './effective-device-cap';
import { pageOfRows } from './plan-row-pages';
import { readBlobText } from '../../lib/streams/read-blob-text';

// The plan worker's state (contracts/worker/plan-messages.ts): one `plan` reads the import file,
// the registry export and the import file again, a chunk at a time, and keeps the rows and the
// engine's picture of the registry after the import. Rows then leave a page at a time, and the
// undo file and the outcome check are made from what is kept, so a 1,000,000-row plan crosses the
// boundary only as counts, pages and Blobs.

const FIRST_ROWS = 200;
/** Progress at most this often: a message per 4 MiB slice of a 1 GB file is plenty. */
const PROGRESS_EVERY_MS = 100;

interface Kept {
  rows: PlanRow[];
  result: PlanResult;
}

type PlanOptionsMessage = Extract<ToPlanWorker, { type: 'plan' }>['options'];

function engineOptions(options: PlanOptionsMessage): PlanOptions {
  const { rotateKeysOf, ...rest } = options;
  const out: PlanOptions = { ...rest };
  if (rotateKeysOf !== undefined)
    out.rotateKeysOf = new Set(rotateKeysOf.map((ref) => deviceKey(ref.id, ref.moduleId)));
  return out;
}

export function createPlanSession(
  post: (message: FromPlanWorker) => void,
  now: () => number = () => performance.now(),
) {
  let kept: Kept | null = null;

  async function plan(message: Extract<ToPlanWorker, { type: 'plan' }>): Promise<void> {
    kept = null;
    const { requestId, importFile, registry } = message;
    // Set once the third pass starts, so its progress carries the running counts.
    const running: { planner?: Planner } = {};
    let lastProgress = Number.NEGATIVE_INFINITY;
    const progress = (
      phase: 'scan' | 'index' | 'plan',
      bytesRead: number,
      totalBytes: number,
      force = false,
    ): void => {
      const t = now();
      if (!force && t - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = t;
      post({
        type: 'progress',
        requestId,
        phase,
        bytesRead,
        totalBytes,
        ...(running.planner ? { summary: { ...running.planner.summary } } : {}),
      });
    };

    const scanner = createTouchScanner();
    await readBlobText(importFile, (text, bytes) => {
      scanner.push(text);
      progress('scan', bytes, importFile.size);
    });
    const index = createRegistryIndex({ touched: scanner.finish() });
    await readBlobText(registry, (text, bytes) => {
      index.push(text);
      progress('index', bytes, registry.size);
    });
    const registryIndex = index.finish();
    const rows: PlanRow[] = [];
    const job = createBlobCollector();
    // The audit records the digest and the lines per mode of the file the hub runs: both are made
    // here, as the job file is written, so the page never reads it back.
    const jobHash = sha256.create();
    const encoder = new TextEncoder();
    const jobByMode: Partial<Record<ImportMode, number>> = {};
    let keysKeptSent = 0;
    const options = engineOptions(message.options);
    if (message.hubDevices !== undefined)
      options.deviceCap = effectiveDeviceCap(
        message.hubDevices,
        registryIndex.deviceCount,
        options.deviceCap,
      );
    const planner = createPlanner(registryIndex, options, {
      onRows: (batch) => {
        for (const row of batch) {
          rows.push(row);
          if (!row.sent) continue;
          if (row.keysKept === true) keysKeptSent++;
          // The hub reads a line without a readable importMode as createOrUpdate.
          const mode = row.mode ?? 'createOrUpdate';
          jobByMode[mode] = (jobByMode[mode] ?? 0) + 1;
        }
      },
      onJobText: (text) => {
        const bytes = encoder.encode(text);
        jobHash.update(bytes);
        job.add(bytes);
      },
    });
    running.planner = planner;
    await readBlobText(importFile, (text, bytes) => {
      planner.push(text);
      progress('plan', bytes, importFile.size);
    });
    const result = planner.finish();
    progress('plan', importFile.size, importFile.size, true);
    kept = { rows, result };
    post({
      type: 'plan-done',
      requestId,
      summary: result.summary,
      notices: result.notices,
      rows: result.rows,
      sent: result.sent,
      leftOut: result.leftOut,
      keysKeptSent,
      after: result.after,
      jobFile: job.finish(),
      jobSha256: bytesToHex(jobHash.digest()),
      jobByMode,
      registryIssues: registryIndex.issues,
      firstRows: rows.slice(0, FIRST_ROWS),
    });
  }

  async function check(requestId: string, errorLog: Blob, from: Kept): Promise<void> {
    const entries: ImportErrorEntry[] = [];
    const splitter = createLineSplitter((text, line) => {
      const entry = parseImportErrorLine(text, line);
      if (entry !== undefined) entries.push(entry);
    });
    await readBlobText(errorLog, (text) => splitter.push(text));
    splitter.end();
    const outcome = createOutcomeCheck(entries);
    const mismatches = [];
    for (const row of from.rows) {
      const mismatch = outcome.check(row);
      if (mismatch !== undefined) mismatches.push(mismatch);
    }
    mismatches.push(...outcome.finish());
    post({ type: 'check-done', requestId, mismatches });
  }

  async function run(message: ToPlanWorker): Promise<void> {
    if (message.type === 'plan') return plan(message);
    const { requestId } = message;
    if (kept === null) {
      post({
        type: 'failed',
        requestId,
        error: { code: 'NO_PLAN_YET', message: 'Make a plan first.' },
      });
      return;
    }
    if (message.type === 'rows') {
      const page = pageOfRows(kept.rows, message);
      post({ type: 'rows-done', requestId, total: page.total, rows: page.rows });
      return;
    }
    if (message.type === 'undo') {
      const undo = buildUndo(kept.result.changes);
      const file = createBlobCollector();
      const encoder = new TextEncoder();
      for (const text of serializePlanLines(undo.lines())) file.add(encoder.encode(text));
      post({
        type: 'undo-done',
        requestId,
        file: file.finish(),
        summary: undo.summary,
        notices: undo.notices,
      });
      return;
    }
    await check(requestId, message.errorLog, kept);
  }

  return function handle(message: ToPlanWorker): Promise<void> {
    return run(message).catch((error: unknown) => {
      const code = message.type === 'plan' ? 'FILE_UNREADABLE' : 'WORKER_INTERNAL';
      post({
        type: 'failed',
        requestId: message.requestId,
        error: { code, message: error instanceof Error ? error.message : String(error) },
      });
    });
  };
}
