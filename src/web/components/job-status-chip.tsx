import { Chip } from '@mui/material';
import type { Job } from '../../contracts/api';
import { describeJobOutcome } from '../lib/job-outcome';

/** `queued`: the import waits in the server's queue for the hub's job slot (not yet a hub job). */
export function JobStatusChip({
  job,
  live = false,
  queued = false,
}: {
  job: Job;
  live?: boolean;
  queued?: boolean;
}) {
  const outcome = queued ? { label: 'Queued', color: 'info' as const } : describeJobOutcome(job);
  return (
    <Chip
      size="small"
      label={outcome.label}
      color={outcome.color}
      {...(live ? { role: 'status', 'aria-label': 'Job status', 'aria-live': 'polite' } : {})}
    />
  );
}
