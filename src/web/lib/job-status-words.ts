import type { JobStatus } from '../../contracts/api';

// One wording and colour per job status, shared by the jobs and exports features.

export const STATUS_WORDS: Record<JobStatus, string> = {
  unknown: 'Unknown',
  enqueued: 'Enqueued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export type StatusColor = 'default' | 'info' | 'primary' | 'success' | 'error' | 'warning';

export const STATUS_COLORS: Record<JobStatus, StatusColor> = {
  unknown: 'default',
  enqueued: 'info',
  running: 'primary',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};
