import { Paper, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { formatBytes, formatCount, formatDateTime, plural } from '../../../lib/format';
import { rowsSent } from '../../../lib/job-outcome';

/**
 * Who started the job, which file, how many rows: the audit facts from the operation's container.
 */
export function JobFacts({ job }: { job: Job }) {
  const sent = rowsSent(job);
  const rows: Array<[string, string]> = [
    ['Started by', job.startedBy?.name ?? '-'],
    [
      'File',
      job.fileName
        ? `${job.fileName}${job.fileSize !== null ? ` (${formatBytes(job.fileSize)})` : ''}`
        : '-',
    ],
    ['Converted size', job.convertedSize !== null ? formatBytes(job.convertedSize) : '-'],
    [
      'Rows',
      job.rowCounts
        ? `${formatCount(job.rowCounts.valid)} valid of ${formatCount(job.rowCounts.total)} (${formatCount(job.rowCounts.invalid)} invalid, ${formatCount(job.rowCounts.blank)} blank)`
        : '-',
    ],
    // A planned import leaves unchanged rows out: what the hub ran may be fewer than the valid rows.
    ...(job.type === 'import' && sent !== null
      ? ([['Sent to the hub', plural(sent, 'row', 'rows')]] as Array<[string, string]>)
      : []),
    ['Created', formatDateTime(job.createdAt)],
    ['Started', formatDateTime(job.startTimeUtc)],
    ['Ended', formatDateTime(job.endTimeUtc)],
    ['Operation', job.operationId ?? '-'],
  ];
  if (job.type === 'export') {
    rows.push(['Keys', job.excludeKeysInExport === false ? 'Included' : 'Excluded']);
    rows.push(['Configurations', job.includeConfigurations ? 'Included' : 'Not included']);
  }
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
        Details
      </Typography>
      <Table size="small" aria-label="Job details">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell component="th" scope="row" sx={{ width: 180, color: 'text.secondary' }}>
                {label}
              </TableCell>
              <TableCell sx={{ wordBreak: 'break-word' }}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
