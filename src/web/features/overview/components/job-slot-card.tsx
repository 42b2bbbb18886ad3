import { Link as RouterLink } from 'react-router';
import { Alert, AlertTitle, LinearProgress, Link, Typography } from '@mui/material';
import { JobStatusChip } from '../../../components/job-status-chip';
import { formatDateTime } from '../../../lib/format';
import type { JobSlot } from '../model/describe-job-slot';

function jobLink(ref: string, text: string) {
  return (
    <Link component={RouterLink} to={`/jobs/${encodeURIComponent(ref)}`}>
      {text}
    </Link>
  );
}

/** Who holds the hub's one import/export slot, in words, with the way to the job. */
export function JobSlotCard({ slot }: { slot: JobSlot }) {
  if (slot.kind === 'free')
    return (
      <Alert severity="success" variant="outlined" aria-label="Job slot">
        <AlertTitle>The job slot is free</AlertTitle>
        The hub runs one import or export at a time; none is running now, so the next one starts at
        once.
      </Alert>
    );
  if (slot.kind === 'outside')
    return (
      <Alert severity="warning" variant="outlined" aria-label="Job slot">
        <AlertTitle>A job started outside this console holds the slot</AlertTitle>
        An {slot.type} job ({slot.jobId}, {slot.status}) runs on the hub. Imports and exports from
        here wait until it ends; the console cannot show its progress.
      </Alert>
    );
  const { job } = slot;
  const what = job.type === 'import' ? 'An import' : 'An export';
  return (
    <Alert
      severity="info"
      variant="outlined"
      aria-label="Job slot"
      sx={{ '& .MuiAlert-message': { flex: 1 } }}
    >
      <AlertTitle>
        {what} holds the slot <JobStatusChip job={job} />
      </AlertTitle>
      <Typography variant="body2">
        {jobLink(job.jobId ?? job.operationId ?? '', job.fileName ?? job.label ?? 'the job')}
        {job.startedBy ? `, started by ${job.startedBy.name}` : ''}
        {job.startTimeUtc ? ` at ${formatDateTime(job.startTimeUtc)}` : ''}:{' '}
        {Math.round(job.progress)}% done. Other imports and exports wait until it ends.
      </Typography>
      <LinearProgress
        variant="determinate"
        value={job.progress}
        aria-label="Progress of the job holding the slot"
        sx={{ mt: 1 }}
      />
    </Alert>
  );
}
