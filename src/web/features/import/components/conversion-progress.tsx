import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import type { ConversionProgress as Progress } from '../../../../core/convert/types';
import { formatMegabytes, formatRate, percentOf, plural } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';

interface ConversionProgressProps {
  progress: Progress;
  startedAt: number;
  onCancel: () => void;
}

export function ConversionProgress({ progress, startedAt, onCancel }: ConversionProgressProps) {
  useNow(true, 500);
  const percent = percentOf(progress.bytesRead, progress.totalBytes);
  const seconds = (performance.now() - startedAt) / 1000;
  const text = `${plural(progress.records, 'record', 'records')} · ${formatMegabytes(progress.bytesRead)} of ${formatMegabytes(progress.totalBytes)}`;
  return (
    <Box>
      <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
        Converting
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label="Conversion progress"
        aria-valuetext={`${Math.round(percent)} percent, ${text}`}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" aria-live="off">
          {text} · {Math.round(percent)} % ·{' '}
          {formatRate(seconds > 0 ? progress.bytesRead / seconds : 0)}
        </Typography>
        <Button size="small" onClick={onCancel}>
          Cancel conversion
        </Button>
      </Stack>
    </Box>
  );
}
