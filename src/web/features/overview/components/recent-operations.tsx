import { Link as RouterLink } from 'react-router';
import {
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { JobStatusChip } from '../../../components/job-status-chip';
import { exportNameOf, exportNameWords } from '../../../lib/export-name';
import { formatDateTime } from '../../../lib/format';
import { plural, rowsSent } from '../../../lib/job-outcome';

const SHOWN = 5;

function what(job: Job, ref: string): string {
  // Named as on the exports page, without the time the first column already shows.
  if (job.type === 'export') return exportNameWords({ ...exportNameOf(job), time: null });
  return job.fileName ?? job.label ?? ref;
}

function size(job: Job): string {
  if (job.type === 'export')
    return job.deviceCount === null ? '-' : plural(job.deviceCount, 'device', 'devices');
  const sent = rowsSent(job);
  return sent === null ? '-' : plural(sent, 'row', 'rows');
}

/** The newest operations with their honest outcome; the jobs list has the rest. */
export function RecentOperations({ jobs }: { jobs: readonly Job[] }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Latest operations">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>File or label</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {jobs.slice(0, SHOWN).map((job) => {
            // Jobs started outside the console have no operation; ours may not have a job yet.
            const ref = job.jobId ?? job.operationId ?? '';
            return (
              <TableRow key={ref} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(job.startTimeUtc ?? job.createdAt)}
                </TableCell>
                <TableCell>{job.type === 'import' ? 'Import' : 'Export'}</TableCell>
                <TableCell sx={{ maxWidth: 260, overflowWrap: 'anywhere' }}>
                  <Link component={RouterLink} to={`/jobs/${encodeURIComponent(ref)}`}>
                    {what(job, ref)}
                  </Link>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {size(job)}
                </TableCell>
                <TableCell>
                  <JobStatusChip job={job} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
