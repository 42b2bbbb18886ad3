import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import type { CopyStep } from '../model/copy-steps';

const STATE_WORDS: Record<CopyStep['state'], string> = {
  waiting: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Needs attention',
};

/** The copy's steps, each with its own progress bar and words. */
export function CopyStepsList({ steps }: { steps: readonly CopyStep[] }) {
  return (
    <Stack spacing={2} component="ol" sx={{ pl: 0, listStyle: 'none' }} aria-label="Copy steps">
      {steps.map((step, index) => (
        <Box component="li" key={step.key} data-step={step.key} data-state={step.state}>
          <Typography sx={{ fontWeight: 600 }}>
            {index + 1}. {step.label}: {STATE_WORDS[step.state]}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={step.percent}
            color={step.state === 'failed' ? 'error' : 'primary'}
            aria-label={`${step.label} progress`}
            sx={{ my: 0.5 }}
          />
          <Typography variant="body2" color="text.secondary">
            {step.note}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}
