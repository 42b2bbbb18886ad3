import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { formatCount } from '../../../lib/format';
import { useFollowedJob } from '../api/use-followed-job';
import { isTerminal } from '../job-timing';
import { CancelJobButton } from './cancel-job-button';
import { JobCommandDialog } from './job-command-dialog';
import { ConnectionLostAlert } from './connection-lost-alert';
import { JobFacts } from './job-facts';
import { JobProgressPanel } from './job-progress-panel';
import { describeJobOutcome, plural, rowsSent } from '../../../lib/job-outcome';
import { JobStatusChip } from '../../../components/job-status-chip';
import { useQueue } from '../../../lib/queue/get-queue';
import type { QueueResponse } from '../../../../contracts/api';
import { PlanCheckPanel } from './plan-check-panel';
import { RestorePanel } from './restore-panel';
import { StartPendingImport } from './start-pending-import';

export function JobPage() {
  const { jobId = '' } = useParams();
  const { query: job, follow, retryInSeconds, retryNow } = useFollowedJob(jobId);
  const isAdmin = useIsAdmin();
  // An import not yet started may wait in the server's queue: its chip says so.
  const queue = useQueue(job.data !== undefined && job.data.jobId === null);
  const lost = follow.kind === 'lost' && (
    <ConnectionLostAlert
      error={follow.lastError}
      retryInSeconds={retryInSeconds}
      onRetryNow={retryNow}
    />
  );

  if (job.data === undefined) {
    if (lost)
      return (
        <>
          <PageHeader title={`Job ${jobId}`} />
          {lost}
        </>
      );
    if (job.isError) {
      return (
        <>
          <PageHeader title={`Job ${jobId}`} />
          <ErrorPanel error={job.error} context="Loading the job" onRetry={retryNow} />
        </>
      );
    }
    return <LoadingBlock label="Loading the job..." />;
  }
  const data = job.data;
  const refused = job.isError && follow.kind === 'stopped' && follow.reason === 'refused';
  return (
    <>
      <PageHeader
        title={`${data.type === 'import' ? 'Import' : 'Export'} job`}
        subtitle={<code>{data.jobId ?? jobId}</code>}
        actions={
          <>
            {isAdmin && !isTerminal(data) && data.jobId && <CancelJobButton jobId={jobId} />}
            {data.jobId && data.operationId && <JobCommandDialog jobRef={jobId} />}
            <Button component={RouterLink} to="/jobs">
              All jobs
            </Button>
          </>
        }
      />
      <Stack spacing={3}>
        {lost}
        {refused && <ErrorPanel error={job.error} context="Following the job" onRetry={retryNow} />}
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <Typography component="h2" variant="h6">
              Status
            </Typography>
            <JobStatusChip job={data} live queued={isQueued(queue.data, data)} />
            {job.isFetching && !lost && !isTerminal(data) && data.jobId !== null && (
              <Typography variant="caption" color="text.secondary">
                updating...
              </Typography>
            )}
          </Stack>
          {data.jobId === null && data.operationId ? (
            <StartPendingImport
              operationId={data.operationId}
              canStart={isAdmin && data.type === 'import'}
            />
          ) : (
            <>
              <JobProgressPanel job={data} />
              <Outcome job={data} jobRef={jobId} />
            </>
          )}
        </Paper>
        {isAdmin && data.backup && <PlanCheckPanel job={data} jobRef={jobId} />}
        {isAdmin && data.backup && <RestorePanel job={data} jobRef={jobId} />}
        <JobFacts job={data} />
      </Stack>
    </>
  );
}

function Outcome({ job, jobRef }: { job: Job; jobRef: string }) {
  // Only a log with lines has errors to show; a clean or still uncounted log offers no link.
  const hasErrors = job.errorLineCount !== null && job.errorLineCount > 0;
  const errorsLink = job.type === 'import' && isTerminal(job) && job.jobId && hasErrors && (
    <Link component={RouterLink} to={`/jobs/${encodeURIComponent(jobRef)}/errors`}>
      View errors
    </Link>
  );
  return (
    <Box sx={{ mt: 2 }}>
      {job.status === 'failed' && (
        <Alert severity="error" sx={{ mb: 1 }}>
          <strong>The job failed.</strong> {job.failureReason ?? 'The hub gave no reason.'} Check
          the per-device errors, fix the cause (often storage access or the file format) and start a
          new import.
        </Alert>
      )}
      {job.status === 'cancelled' && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          The job was cancelled. Devices processed before the cancel keep their changes.
        </Alert>
      )}
      {job.status === 'completed' && job.type === 'import' && <ImportOutcome job={job} />}
      {job.hubHistoryExpired && (
        <Alert severity="info" sx={{ mb: 1 }}>
          The hub no longer keeps this job (its history is 30 days); what you see comes from the
          operation’s own records.
        </Alert>
      )}
      {errorsLink}
    </Box>
  );
}

function ImportOutcome({ job }: { job: Job }) {
  const outcome = describeJobOutcome(job);
  const sent = rowsSent(job);
  const errors = outcome.errorLines ?? 0;
  if (outcome.kind === 'counting')
    return (
      <Alert severity="info" sx={{ mb: 1 }}>
        The hub finished the import; counting the rows it refused…
      </Alert>
    );
  if (outcome.kind === 'clean')
    return (
      <Alert severity="success" sx={{ mb: 1 }}>
        The hub applied every row{sent !== null ? ` (${plural(sent, 'row', 'rows')})` : ''}.
      </Alert>
    );
  if (outcome.kind === 'all-refused')
    return (
      <Alert severity="error" sx={{ mb: 1 }}>
        <strong>Every row was refused.</strong> The hub finished the job but applied none of the{' '}
        {plural(errors, 'row', 'rows')}. The errors page says why for each row; fix the file and
        import it again.
      </Alert>
    );
  return (
    <Alert severity="warning" sx={{ mb: 1 }}>
      <strong>Completed with {plural(errors, 'error', 'errors')}.</strong> The hub refused{' '}
      {sent !== null
        ? `${plural(errors, 'row', 'rows')} of ${formatCount(sent)}`
        : plural(errors, 'row', 'rows')}
      ; the others were applied. The errors page lists each refused row with its source line.
    </Alert>
  );
}

function isQueued(queue: QueueResponse | undefined, job: Job): boolean {
  return (
    job.jobId === null &&
    job.operationId !== null &&
    (queue?.entries.some(
      (entry) => entry.operationId === job.operationId && entry.state !== 'failed',
    ) ??
      false)
  );
}
