import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { formatMegabytes, formatRate, percentOf } from '../../../lib/format';
import type { UploadProgress as Progress } from '../api/upload-blobs';

export function UploadProgress({
  progress,
  onCancel,
}: {
  progress: Progress;
  onCancel: () => void;
}) {
  const percent = percentOf(progress.loadedBytes, progress.totalBytes);
  const rate = progress.elapsedMs > 0 ? progress.loadedBytes / (progress.elapsedMs / 1000) : 0;
  const text = `${formatMegabytes(progress.loadedBytes)} of ${formatMegabytes(progress.totalBytes)} · ${formatRate(rate)}`;
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label="Upload progress"
        aria-valuetext={`${Math.round(percent)} percent, ${text}`}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary">
          Uploading: {text} · {Math.round(percent)} %
          {progress.attempt > 1 ? ` · retry ${progress.attempt - 1}` : ''}
        </Typography>
        <Button size="small" onClick={onCancel}>
          Cancel upload
        </Button>
      </Stack>
    </Box>
  );
}
