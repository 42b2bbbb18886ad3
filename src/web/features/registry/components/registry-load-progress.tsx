import { Box, LinearProgress, Typography } from '@mui/material';
import { formatCount, formatMegabytes, percentOf } from '../../../lib/format';
import type { RegistryStreamProgress } from '../api/stream-registry';

/** Bytes parsed by the worker against the file size; bytes received while the size is unknown. */
export function RegistryLoadProgress({
  progress,
  records,
}: {
  progress: RegistryStreamProgress;
  records: number;
}) {
  const total = progress.totalBytes;
  const text =
    total !== null && total > 0
      ? `${formatMegabytes(progress.bytesParsed)} of ${formatMegabytes(total)} read, ${formatCount(records)} records`
      : `${formatMegabytes(progress.bytesReceived)} received, ${formatCount(records)} records so far`;
  return (
    <Box role="status" aria-live="polite">
      {total !== null && total > 0 ? (
        <LinearProgress
          variant="determinate"
          value={percentOf(progress.bytesParsed, total)}
          aria-label="Loading the export"
          aria-valuetext={text}
        />
      ) : (
        <LinearProgress aria-label="Loading the export" aria-valuetext={text} />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        Loading devices.txt: {text}
      </Typography>
    </Box>
  );
}
