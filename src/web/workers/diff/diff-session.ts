import {
  describeDeviceChange,
  diffRegistries,
  planMakeBLikeA,
  serializePlanLines,
} from '../../../core/diff';
import type { DiffOptions, RegistryDiff } from '../../../core/diff';
import type { ExportImportDevice } from '../../../core/model/export-import-device';
import { deviceKey } from '../../../core/registry';
import type { RegistrySnapshot } from '../../../core/registry';
import { readRecordDevice } from '../../../core/registry/read-record-device';
import type { FromDiffWorker, ToDiffWorker } from '../../../contracts/worker/diff-messages';
import { isWorkerError, messageOf } from '../channel/worker-error';
import { buildDiffDownload } from './build-diff-download';
import { readBlobSnapshot } from './read-blob-snapshot';

interface Loaded {
  a: RegistrySnapshot;
  b: RegistrySnapshot;
  diff: RegistryDiff;
  options: DiffOptions;
}

function sideReport(snapshot: RegistrySnapshot) {
  return { issues: snapshot.issues, issueCounts: snapshot.issueCounts, stats: snapshot.stats };
}

function parseRecord(snapshot: RegistrySnapshot, key: string): ExportImportDevice | undefined {
  const record = snapshot.records.get(key);
  return record === undefined ? undefined : readRecordDevice(record.text);
}

/**
 * The diff worker's state: both snapshots stay here after `diff`, so describe, plan and download
 * name only a device or a format (contracts/worker/diff-messages.ts). Keys never leave: describe
 * rows come masked from core, and the plan file is the only output that may carry A's keys.
 */
export function createDiffSession(post: (message: FromDiffWorker) => void) {
  let loaded: Loaded | null = null;

  async function run(message: ToDiffWorker): Promise<void> {
    const { requestId } = message;
    if (message.type === 'diff') {
      loaded = null;
      const progress =
        (side: 'a' | 'b') => (p: { bytesRead: number; totalBytes: number; records: number }) =>
          post({ type: 'progress', requestId, side, ...p });
      const a = await readBlobSnapshot(message.a, progress('a'));
      const b = await readBlobSnapshot(message.b, progress('b'));
      const diff = diffRegistries(a, b, message.options);
      loaded = { a, b, diff, options: message.options };
      post({
        type: 'diff-done',
        requestId,
        summary: diff.summary,
        changes: diff.changes,
        notices: diff.notices,
        a: sideReport(a),
        b: sideReport(b),
      });
      return;
    }
    if (loaded === null) {
      post({
        type: 'failed',
        requestId,
        error: { code: 'NO_DIFF_YET', message: 'Run a diff first.' },
      });
      return;
    }
    if (message.type === 'describe') {
      const key = deviceKey(message.id, message.moduleId);
      const a = parseRecord(loaded.a, key);
      const b = parseRecord(loaded.b, key);
      if (a === undefined && b === undefined) {
        post({
          type: 'failed',
          requestId,
          error: { code: 'RECORD_NOT_FOUND', message: `Neither side has ${message.id}.` },
        });
        return;
      }
      post({ type: 'describe-done', requestId, rows: describeDeviceChange(a, b, loaded.options) });
      return;
    }
    if (message.type === 'plan') {
      const plan = planMakeBLikeA(loaded.diff, loaded.a, loaded.b);
      // One Blob per batch of lines: the text moves to the browser's blob store as it is made.
      const parts: Blob[] = [];
      for (const text of serializePlanLines(plan.lines())) parts.push(new Blob([text]));
      const file = new Blob(parts, { type: 'application/x-ndjson' });
      post({ type: 'plan-done', requestId, file, counts: plan.counts, notices: plan.notices });
      return;
    }
    post({
      type: 'download-done',
      requestId,
      file: buildDiffDownload(loaded.diff, message.format),
    });
  }

  return function handle(message: ToDiffWorker): Promise<void> {
    return run(message).catch((error: unknown) => {
      // Reading the two Blobs is the diff's only step that fails for a reason outside the code.
      const code = isWorkerError(error)
        ? error.code
        : message.type === 'diff'
          ? 'FILE_UNREADABLE'
          : 'WORKER_INTERNAL';
      post({
        type: 'failed',
        requestId: message.requestId,
        error: { code, message: messageOf(error) },
      });
    });
  };
}
