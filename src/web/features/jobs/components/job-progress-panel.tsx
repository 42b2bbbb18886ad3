import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { formatCount, formatDuration, plural } from '../../../lib/format';
import { rowsSent } from '../../../lib/job-outcome';
import { useNow } from '../../../lib/use-now';
import { computeJobTiming, isTerminal } from '../job-timing';

/**
 * Determinate when the hub reports progress; when an active job still says 0 % (the live hub may
 * only update at the end), an indeterminate bar with elapsed time and a labelled estimate instead
 * of a stuck 0 %.
 */
export function JobProgressPanel({ job }: { job: Job }) {
  const now = useNow(!isTerminal(job));
  const timing = computeJobTiming(job, now);
  const value = job.status === 'completed' ? 100 : job.progress;
  const facts: string[] = [];
  if (timing.elapsedMs !== null) facts.push(`Elapsed ${formatDuration(timing.elapsedMs)}`);
  if (!timing.progressUnknown) facts.push(`${Math.round(value)} %`);
  if (timing.processed !== null && !timing.progressUnknown)
    facts.push(`${plural(timing.processed, 'device', 'devices')} processed`);
  if (timing.devicesPerSecond !== null)
    facts.push(`${formatCount(timing.devicesPerSecond)} devices/s`);
  if (timing.etaMs !== null) facts.push(`about ${formatDuration(timing.etaMs)} left`);

  return (
    <Box>
      {timing.progressUnknown ? (
        <LinearProgress
          aria-label="Job progress"
          aria-valuetext={`${job.status}, progress not reported yet`}
        />
      ) : (
        <LinearProgress
          variant="determinate"
          value={value}
          aria-label="Job progress"
          aria-valuetext={`${Math.round(value)} percent`}
        />
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }}>
        {facts.map((fact) => (
          <Typography key={fact} variant="body2" color="text.secondary">
            {fact}
          </Typography>
        ))}
      </Stack>
      {timing.progressUnknown && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          The hub reports progress only when the job ends.
          {timing.estimatedTotalMs !== null &&
            ` For ${plural(rowsSent(job) ?? 0, 'row', 'rows')} expect roughly ${formatDuration(Math.max(timing.estimatedTotalMs, 1000))} in total (an estimate from the row count).`}
        </Typography>
      )}
    </Box>
  );
}
