import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';

export interface CancellableProgressProps {
  /** The bar's accessible name ("Upload progress"). */
  label: string;
  percent: number;
  /** What is done so far, in words ("3.2 MB of 10 MB · 4 MB/s"), for the bar and its caption. */
  text: string;
  /** The caption under the bar; `text` and the percent unless given. */
  caption?: string;
  cancelWords: string;
  onCancel: () => void;
}

/**
 * A step the admin waits for and may stop (converting, uploading): a determinate bar, what it has
 * done so far, and the way out beside it. The caption changes several times a second, so it is
 * not announced; the bar's value text carries the same words.
 */
export function CancellableProgress({
  label,
  percent,
  text,
  caption,
  cancelWords,
  onCancel,
}: CancellableProgressProps) {
  const rounded = Math.round(percent);
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={label}
        aria-valuetext={`${rounded} percent, ${text}`}
      />
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" aria-live="off">
          {caption ?? `${text} · ${rounded} %`}
        </Typography>
        <Button size="small" onClick={onCancel}>
          {cancelWords}
        </Button>
      </Stack>
    </Box>
  );
}
