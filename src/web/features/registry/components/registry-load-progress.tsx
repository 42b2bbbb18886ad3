import { Box, LinearProgress, Typography } from '@mui/material';
import type { RegistryStreamProgress } from '../api/stream-registry';
import { loadBar } from '../model/registry-load-state';

/** Bytes parsed by the worker against the file size (0 until the proxy answers with it). */
export function RegistryLoadProgress({
  progress,
  records,
}: {
  progress: RegistryStreamProgress;
  records: number;
}) {
  const bar = loadBar(progress, records);
  return (
    <Box role="status" aria-live="polite">
      {bar.percent === null ? (
        <LinearProgress aria-label="Loading the export" aria-valuetext={bar.text} />
      ) : (
        <LinearProgress
          variant="determinate"
          value={bar.percent}
          aria-label="Loading the export"
          aria-valuetext={bar.text}
        />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        Loading devices.txt: {bar.text}
      </Typography>
    </Box>
  );
}
