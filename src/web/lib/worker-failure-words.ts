import type { WorkerFailureCode } from '../../contracts/worker/worker-failure';

interface Words {
  title: string;
  why: string;
  action: string;
}

// What the user reads for each way a worker can fail (src/contracts/worker/worker-failure.ts).
// Typed by the catalogue, so a code added there without words fails to compile.
export const WORKER_FAILURE_WORDS: Record<WorkerFailureCode, Words> = {
  WORKER_CRASHED: {
    title: 'The browser stopped the work',
    why: 'The background task that reads the file stopped unexpectedly; a very large file can exhaust the tab’s memory.',
    action:
      'Reload the page and try again; close other tabs, or split the file if it is very large.',
  },
  WORKER_PROTOCOL: {
    title: 'The page and its background task disagree',
    why: 'A message between the page and its background task was not understood, usually because the console was updated while the page was open.',
    action: 'Reload the page, then try again.',
  },
  NO_PLAN_YET: {
    title: 'The plan is not ready',
    why: 'The plan was asked for rows, an undo file or a check before it had been made.',
    action: 'Wait for the plan to finish, or choose the file again.',
  },
  CANCELLED: {
    title: 'Cancelled',
    why: 'The work was stopped before it finished.',
    action: 'Start it again when you are ready.',
  },
  FILE_UNREADABLE: {
    title: 'The file could not be read',
    why: 'The browser could not read the file: it may have been moved, changed or deleted after it was chosen.',
    action: 'Choose the file again.',
  },
  CONVERSION_FAILED: {
    title: 'The file could not be converted',
    why: 'The conversion stopped on an unexpected error (problems with rows are listed in the report instead).',
    action: 'Try again; if it keeps happening, report the code below with the file’s format.',
  },
  CHECKSUM_FAILED: {
    title: 'The file’s fingerprint could not be computed',
    why: 'The SHA-256 of the source or the converted file, recorded in the audit log, could not be computed.',
    action: 'Convert the file again, then upload.',
  },
  NO_DIFF_YET: {
    title: 'No comparison yet',
    why: 'The comparison has not finished, or it was started again.',
    action: 'Wait for the comparison to finish, then try again.',
  },
  NO_QUERY_YET: {
    title: 'The list is not ready',
    why: 'Rows were asked for before the list had been filtered once.',
    action: 'Wait a moment; the list fills in by itself.',
  },
  FILTER_CHANGED: {
    title: 'The filter changed',
    why: 'The filter changed while the download was being prepared, so it would not match what you see.',
    action: 'Download again.',
  },
  RECORD_NOT_FOUND: {
    title: 'Device not in the file',
    why: 'The device asked for is not in the export or file being read.',
    action: 'Reload the page; if it persists, report the code below.',
  },
  WORKER_INTERNAL: {
    title: 'Something went wrong in the page',
    why: 'The background task that works on the file failed unexpectedly.',
    action: 'Try again; if it keeps happening, report the code below.',
  },
};
