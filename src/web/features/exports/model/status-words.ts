import type { JobStatus } from '../../../../contracts/api';

export const EXPORT_STATUS_WORDS: Record<JobStatus, string> = {
  unknown: 'Unknown',
  enqueued: 'Enqueued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const EXPORT_STATUS_COLORS: Record<JobStatus, 'default' | 'info' | 'primary' | 'success' | 'error' | 'warning'> = {
  unknown: 'default',
  enqueued: 'info',
  running: 'primary',
  completed: 'success',
  failed: 'error',
  cancelled: 'warning',
};
