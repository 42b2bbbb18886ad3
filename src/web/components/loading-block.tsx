import { Box, CircularProgress, Typography } from '@mui/material';

/** Short waits only (a page's first fetch); long work shows determinate progress instead. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4 }}
      role="status"
      aria-live="polite"
    >
      <CircularProgress size={24} aria-label={label} />
      <Typography color="text.secondary">{label}</Typography>
    </Box>
  );
}
