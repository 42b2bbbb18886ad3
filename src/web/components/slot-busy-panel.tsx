import { Link as RouterLink } from 'react-router';
import {
  Alert,
  AlertTitle,
  Button,
  Checkbox,
  FormControlLabel,
  Link,
  Stack,
  Typography,
} from '@mui/material';
import { wordsForCode } from '../lib/describe-error';

interface SlotBusyPanelProps {
  activeJobId: string | null;
  autoStart: boolean;
  onAutoStart: (value: boolean) => void;
  onTryNow: () => void;
  /**
   * What is already safe while the slot is busy: an import's upload is done, an export has not
   * started.
   */
  waitingWhat?: string;
}

/**
 * The hub runs one import/export at a time: name the job holding the slot and offer a queued start.
 */
export function SlotBusyPanel({
  activeJobId,
  autoStart,
  onAutoStart,
  onTryNow,
  waitingWhat = 'Your file is uploaded and ready; nothing is lost.',
}: SlotBusyPanelProps) {
  const words = wordsForCode('JOB_SLOT_BUSY');
  return (
    <Alert severity="warning" role="alert">
      <AlertTitle>{words.title}</AlertTitle>
      <Typography variant="body2">
        {words.why}{' '}
        {activeJobId ? (
          <>
            The slot is held by job{' '}
            <Link component={RouterLink} to={`/jobs/${encodeURIComponent(activeJobId)}`}>
              {activeJobId}
            </Link>
            .
          </>
        ) : (
          'The hub did not say which job holds it.'
        )}{' '}
        {waitingWhat}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        <FormControlLabel
          control={
            <Checkbox checked={autoStart} onChange={(event) => onAutoStart(event.target.checked)} />
          }
          label="Start automatically when the slot frees"
        />
        <Button size="small" variant="outlined" color="inherit" onClick={onTryNow}>
          Try to start now
        </Button>
      </Stack>
      {autoStart && (
        <Typography variant="body2" role="status">
          Waiting for the slot: checking the hub every few seconds. Keep this page open.
        </Typography>
      )}
    </Alert>
  );
}
