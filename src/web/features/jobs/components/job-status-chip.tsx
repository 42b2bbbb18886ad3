import { Chip } from '@mui/material';
import type { JobStatus } from '../../../../contracts/api';
import { STATUS_COLORS, STATUS_WORDS } from '../../../lib/job-status-words';

export function JobStatusChip({
  status,
  live = false,
  notStarted = false,
}: {
  status: JobStatus;
  live?: boolean;
  notStarted?: boolean;
}) {
  return (
    <Chip
      size="small"
      label={notStarted ? 'Not started' : STATUS_WORDS[status]}
      color={STATUS_COLORS[status]}
      {...(live ? { role: 'status', 'aria-label': 'Job status', 'aria-live': 'polite' } : {})}
    />
  );
}
