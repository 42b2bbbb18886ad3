import { Box, Typography } from '@mui/material';
import type { ConversionProgress as Progress } from '../../../../core/convert/types';
import { CancellableProgress } from '../../../components/cancellable-progress';
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
  const rate = formatRate(seconds > 0 ? progress.bytesRead / seconds : 0);
  return (
    <Box>
      <Typography component="h2" variant="h6" sx={{ mb: 1 }}>
        Converting
      </Typography>
      <CancellableProgress
        label="Conversion progress"
        percent={percent}
        text={text}
        caption={`${text} · ${Math.round(percent)} % · ${rate}`}
        cancelWords="Cancel conversion"
        onCancel={onCancel}
      />
    </Box>
  );
}
