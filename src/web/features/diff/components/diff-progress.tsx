import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { formatMegabytes, percentOf, plural } from '../../../lib/format';
import type { SideProgress } from '../api/use-registry-diff';

const STAGE_WORDS: Record<SideProgress['stage'], string> = {
  waiting: 'Waiting',
  downloading: 'Downloading',
  converting: 'Converting the file',
  comparing: 'Reading for the diff',
  ready: 'Ready',
};

function Side({ name, progress }: { name: string; progress: SideProgress }) {
  const known = progress.totalBytes !== null && progress.totalBytes > 0;
  const size = known
    ? `${formatMegabytes(progress.bytes)} of ${formatMegabytes(progress.totalBytes ?? 0)}`
    : `${formatMegabytes(progress.bytes)}`;
  const text = `${STAGE_WORDS[progress.stage]}: ${size}${progress.records > 0 ? `, ${plural(progress.records, 'record', 'records')}` : ''}`;
  const label = `Loading ${name}`;
  return (
    <Box>
      {known ? (
        <LinearProgress
          variant="determinate"
          value={percentOf(progress.bytes, progress.totalBytes ?? 0)}
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

/** Both inputs side by side; the work runs in a worker, so the page stays usable meanwhile. */
export function DiffProgress({ a, b }: { a: SideProgress; b: SideProgress }) {
  return (
    <Stack spacing={2} role="status" aria-live="polite" aria-label="Diff progress">
      <Side name="A" progress={a} />
      <Side name="B" progress={b} />
    </Stack>
  );
}
