import type { CopyResponse, Job } from '../../../../contracts/api';
import { formatCount, plural } from '../../../lib/format';

// Where a copy stands, from what the proxy recorded (docs/bulk-flows.md, "Copy a hub into
// another", in the console): every step is derived from the source's export job, the copy, its
// import job and its verification, so reopening the page shows the same steps.

export type StepState = 'waiting' | 'running' | 'done' | 'failed';

export interface CopyStep {
  key: 'export' | 'rewrite' | 'import' | 'verify';
  label: string;
  state: StepState;
  /** 0-100 when the step reports progress. */
  percent: number;
  /** Plain words for what happened or what to do. */
  note: string;
}

export interface CopyProgress {
  exportJob?: Job | undefined;
  copy?: CopyResponse | undefined;
  importJob?: Job | undefined;
}

const ENDED_BADLY = new Set(['failed', 'cancelled']);

function jobStep(
  key: CopyStep['key'],
  label: string,
  job: Job | undefined,
  waitingNote: string,
): CopyStep {
  if (!job) return { key, label, state: 'waiting', percent: 0, note: waitingNote };
  if (job.status === 'completed')
    return { key, label, state: 'done', percent: 100, note: 'Completed.' };
  if (ENDED_BADLY.has(job.status))
    return {
      key,
      label,
      state: 'failed',
      percent: job.progress,
      note: `The job ${job.status === 'failed' ? 'failed' : 'was cancelled'}${job.failureReason ? `: ${job.failureReason}` : '.'}`,
    };
  return { key, label, state: 'running', percent: job.progress, note: `${job.status}…` };
}

export function copySteps({ exportJob, copy, importJob }: CopyProgress): CopyStep[] {
  const exported = jobStep(
    'export',
    'Export the source with keys',
    exportJob,
    'Not started: the source hub is exported with keys and configurations.',
  );
  let rewrite: CopyStep;
  if (copy?.state === 'ready') {
    const skipped = Object.values(copy.counts.skipped).reduce((a, b) => a + b, 0);
    rewrite = {
      key: 'rewrite',
      label: 'Rewrite for the target',
      state: 'done',
      percent: 100,
      note: `${plural(copy.counts.devices + copy.counts.modules, 'line', 'lines')} (${plural(copy.counts.devices, 'device', 'devices')}, ${plural(copy.counts.modules, 'module', 'modules')})${skipped ? `, ${formatCount(skipped)} left out` : ''}.`,
    };
  } else
    rewrite = {
      key: 'rewrite',
      label: 'Rewrite for the target',
      state: copy ? 'failed' : 'waiting',
      percent: 0,
      note: copy
        ? 'The rewrite did not finish; start the copy again.'
        : 'Waits for the export to complete.',
    };
  const imported = jobStep(
    'import',
    'Import into the target',
    importJob,
    'Waits for your confirmation.',
  );
  const v = copy?.verification;
  let verify: CopyStep;
  if (!v)
    verify = {
      key: 'verify',
      label: 'Verify',
      state: 'waiting',
      percent: 0,
      note: 'Waits for the import to complete.',
    };
  else if (v.state === 'exporting')
    verify = {
      key: 'verify',
      label: 'Verify',
      state: 'running',
      percent: 50,
      note: 'Exporting the target to compare it with the source…',
    };
  else if (v.state === 'failed')
    verify = {
      key: 'verify',
      label: 'Verify',
      state: 'failed',
      percent: 0,
      note: `The target's export failed: ${v.reason}. Verify again.`,
    };
  else
    verify = {
      key: 'verify',
      label: 'Verify',
      state: v.ok ? 'done' : 'failed',
      percent: 100,
      note: v.ok ? v.summary : `${v.summary}; ${v.differenceCount} differences.`,
    };
  return [exported, rewrite, imported, verify];
}
