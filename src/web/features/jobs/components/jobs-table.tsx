import { Link as RouterLink } from 'react-router';
import {
  Link,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { JobStatusChip } from '../../../components/job-status-chip';
import { QueuedPositionNote } from '../../../components/queued-position-note';
import { formatCount, formatDateTime, formatDuration } from '../../../lib/format';
import { plural, rowsSent } from '../../../lib/job-outcome';
import { computeJobTiming, isTerminal } from '../job-timing';
import { describeModes } from '../model/filter-jobs';

/** One page of the jobs list: id, type and modes, honest outcome, progress, who, file, size, time. */
export function JobsTable({ jobs }: { jobs: Job[] }) {
  const now = Date.now();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Jobs">
        <TableHead>
          <TableRow>
            <TableCell>Job</TableCell>
            <TableCell>What</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Started by</TableCell>
            <TableCell>File</TableCell>
            <TableCell align="right">Rows sent</TableCell>
            <TableCell>Started</TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>Errors</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {jobs.map((job, index) => {
            // The proxy resolves either id; an operation whose job never started has only the
            // operation id.
            const ref = job.jobId ?? job.operationId;
            const key = ref ?? String(index);
            const timing = computeJobTiming(job, now);
            return (
              <TableRow key={key} hover>
                <TableCell sx={{ whiteSpace: 'nowrap', maxWidth: 120 }}>
                  {ref ? (
                    <Link
                      component={RouterLink}
                      to={`/jobs/${encodeURIComponent(ref)}`}
                      title={ref}
                      sx={{
                        display: 'block',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        fontFamily: 'monospace',
                      }}
                    >
                      {ref}
                    </Link>
                  ) : (
                    '-'
                  )}
                  {!job.jobId && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      not started
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ minWidth: 120 }}>
                  {job.type === 'import' ? 'Import' : 'Export'}
                  {job.type === 'import' && (
                    <Typography variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                      {describeModes(job)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ minWidth: 140 }}>
                  <JobStatusChip job={job} />
                  {job.jobId === null && job.operationId && (
                    <QueuedPositionNote operationId={job.operationId} />
                  )}
                  {/* A bar only while it moves: a finished job's outcome says it all. */}
                  {!isTerminal(job) && (
                    <LinearProgress
                      variant={job.progress > 0 ? 'determinate' : 'indeterminate'}
                      value={job.progress}
                      aria-label={`Progress of ${key}`}
                      sx={{ mt: 0.75 }}
                    />
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{job.startedBy?.name ?? '-'}</TableCell>
                <TableCell
                  sx={{
                    maxWidth: 200,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                  title={job.fileName ?? ''}
                >
                  {job.fileName ?? '-'}
                </TableCell>
                <TableCell align="right">
                  {rowsSent(job) === null ? '-' : formatCount(rowsSent(job) ?? 0)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(job.startTimeUtc ?? job.createdAt)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {timing.elapsedMs !== null ? formatDuration(timing.elapsedMs) : '-'}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <ErrorsCell job={job} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

// A link only where there is something to see: an import whose error log has lines, or one whose
// count is not known yet (older operations, a count still running).
function ErrorsCell({ job }: { job: Job }) {
  if (job.type !== 'import' || !job.jobId || !isTerminal(job)) return '-';
  if (job.errorLineCount === 0) return 'none';
  const text =
    job.errorLineCount === null ? 'Errors' : plural(job.errorLineCount, 'error', 'errors');
  // The accessible name starts with the visible words (WCAG 2.5.3, "label in name").
  return (
    <Link
      component={RouterLink}
      to={`/jobs/${encodeURIComponent(job.jobId)}/errors`}
      aria-label={`${text} of job ${job.jobId}`}
    >
      {text}
    </Link>
  );
}
