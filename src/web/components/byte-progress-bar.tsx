import { Box, LinearProgress, Typography } from '@mui/material';
import { formatMegabytes, percentOf } from '../lib/format';

export interface ByteProgressBarProps {
  /** The bar's accessible name. */
  label: string;
  /** What the caption under the bar starts with. */
  name: string;
  bytes: number;
  /** Null (or 0) when the server streams without a length. */
  totalBytes: number | null;
  /** The words for the bar and its caption, from the size read ("3.2 MB of 10 MB", or "3.2 MB"). */
  describe: (size: string, known: boolean) => string;
}

/**
 * A download or read measured in bytes: determinate when the length is known; otherwise the
 * bytes read so far under a moving bar, never a stuck 0 %.
 */
export function ByteProgressBar({
  label,
  name,
  bytes,
  totalBytes,
  describe,
}: ByteProgressBarProps) {
  const total = totalBytes ?? 0;
  const known = total > 0;
  const size = known
    ? `${formatMegabytes(bytes)} of ${formatMegabytes(total)}`
    : formatMegabytes(bytes);
  const text = describe(size, known);
  return (
    <Box>
      {known ? (
        <LinearProgress
          variant="determinate"
          value={percentOf(bytes, total)}
          aria-label={label}
          aria-valuetext={text}
        />
      ) : (
        <LinearProgress aria-label={label} aria-valuetext={text} />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {name}: {text}
      </Typography>
    </Box>
  );
}
