import { Chip } from '@mui/material';
import type { Job } from '../../contracts/api';
import { describeJobOutcome } from '../lib/job-outcome';

export function JobStatusChip({ job, live = false }: { job: Job; live?: boolean }) {
  const outcome = describeJobOutcome(job);
  return (
    <Chip
      size="small"
      label={outcome.label}
      color={outcome.color}
      {...(live ? { role: 'status', 'aria-label': 'Job status', 'aria-live': 'polite' } : {})}
    />
  );
}
