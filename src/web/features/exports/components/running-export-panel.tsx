import { Link as RouterLink } from 'react-router';
import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { TERMINAL_JOB_STATUSES } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { QueuedEntryStatus } from '../../../components/queued-entry-status';
import { useIsAdmin } from '../../../lib/current-user';
import { exportNameOf, exportNameWords } from '../../../lib/export-name';
import { formatDuration } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { useExportJob } from '../api/get-export-job';
import { STATUS_COLORS, STATUS_WORDS } from '../../../lib/job-status-words';

/**
 * Live progress of one export: polled every 2 s until it completes, fails or is cancelled. A queued
 * export (no hub job yet) shows its place in the server's queue.
 */
export function RunningExportPanel({ jobRef }: { jobRef: string }) {
  const job = useExportJob(jobRef);
  const isAdmin = useIsAdmin();
  const data = job.data;
  const active = data !== undefined && !TERMINAL_JOB_STATUSES.includes(data.status);
  const now = useNow(active);
  const started = data?.startTimeUtc ?? data?.createdAt ?? null;
  // A finished export without an end time has no meaningful duration; never let it keep growing.
  const end = data?.endTimeUtc ? Date.parse(data.endTimeUtc) : active ? now : null;
  const elapsed = started && end !== null ? end - Date.parse(started) : null;

  return (
    <Paper
      variant="outlined"
      sx={{ p: 3 }}
      component="section"
      aria-labelledby="running-export-heading"
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography
          id="running-export-heading"
          component="h2"
          variant="h6"
          sx={{ overflowWrap: 'anywhere' }}
        >
          Export {data ? exportNameWords(exportNameOf(data)) : jobRef}
        </Typography>
        {data && (
          <Chip
            size="small"
            role="status"
            aria-label="Export status"
            aria-live="polite"
            label={data.jobId === null ? 'Not started' : STATUS_WORDS[data.status]}
            color={STATUS_COLORS[data.status]}
          />
        )}
      </Stack>
      {job.isError && (
        <ErrorPanel
          error={job.error}
          context="Following the export"
          onRetry={() => void job.refetch()}
        />
      )}
      {data?.operationId && data.jobId === null && (
        <QueuedEntryStatus operationId={data.operationId} canCancel={isAdmin} />
      )}
      {data && (
        <Box>
          {active && data.progress === 0 ? (
            <LinearProgress
              aria-label="Export progress"
              aria-valuetext={`${data.status}, progress not reported yet`}
            />
          ) : (
            <LinearProgress
              variant="determinate"
              value={data.status === 'completed' ? 100 : data.progress}
              aria-label="Export progress"
              aria-valuetext={`${Math.round(data.status === 'completed' ? 100 : data.progress)} percent`}
            />
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {elapsed !== null && Number.isFinite(elapsed)
              ? `Elapsed ${formatDuration(elapsed)}`
              : ''}
            {active && data.progress === 0
              ? ' · the hub reports progress only when the export ends'
              : ''}
          </Typography>
          {data.status === 'completed' && (
            <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
              <Button
                variant="contained"
                component={RouterLink}
                to={`/exports/${encodeURIComponent(jobRef)}`}
              >
                Browse this export
              </Button>
            </Stack>
          )}
          {data.status === 'failed' && (
            <Alert severity="error" sx={{ mt: 2 }}>
              The export failed. {data.failureReason ?? 'The hub gave no reason.'} Start a new
              export; if it fails again, ask an administrator to check the storage account.
            </Alert>
          )}
          {data.status === 'cancelled' && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              The export was cancelled before it finished; it has no snapshot to browse.
            </Alert>
          )}
        </Box>
      )}
    </Paper>
  );
}
