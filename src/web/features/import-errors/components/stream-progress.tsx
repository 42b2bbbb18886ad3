import { Box, LinearProgress, Typography } from '@mui/material';
import { formatMegabytes, percentOf } from '../../../lib/format';
import type { ReadProgress } from '../../../lib/read-text-lines';

/**
 * Determinate when the server sent a length; otherwise the bytes read so far, never a stuck 0 %.
 */
export function StreamProgress({ label, progress }: { label: string; progress: ReadProgress }) {
  const known = progress.totalBytes !== null && progress.totalBytes > 0;
  const text = known
    ? `${formatMegabytes(progress.bytesRead)} of ${formatMegabytes(progress.totalBytes ?? 0)}`
    : `${formatMegabytes(progress.bytesRead)} read`;
  return (
    <Box>
      {known ? (
        <LinearProgress
          variant="determinate"
          value={percentOf(progress.bytesRead, progress.totalBytes ?? 0)}
          aria-label={label}
          aria-valuetext={text}
        />
      ) : (
        <LinearProgress aria-label={label} aria-valuetext={text} />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {label}: {text}
      </Typography>
    </Box>
  );
}
