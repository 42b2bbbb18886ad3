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
import { isApiError } from '../lib/api-error';
import { wordsForCode } from '../lib/describe-error';
import { ErrorPanel } from './error-panel';

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
  /**
   * Queues the operation on the server, where it starts in turn whatever happens to this tab
   * (docs/proxy.md, "Queue and monitor"). Without it, or when the server has no queue, the panel
   * offers the in-tab automatic start instead.
   */
  onQueue?: (() => void) | undefined;
  queueing?: boolean | undefined;
  queueError?: unknown;
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
  onQueue,
  queueing = false,
  queueError,
}: SlotBusyPanelProps) {
  const words = wordsForCode('JOB_SLOT_BUSY');
  const queueDisabled = isApiError(queueError) && queueError.code === 'QUEUE_DISABLED';
  const canQueue = onQueue !== undefined && !queueDisabled;
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
      {canQueue && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Queue it and the console starts it when its turn comes, in the order queued, even if you
          close this page.
        </Typography>
      )}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        {canQueue ? (
          <Button size="small" variant="contained" onClick={onQueue} disabled={queueing}>
            Queue
          </Button>
        ) : (
          <FormControlLabel
            control={
              <Checkbox
                checked={autoStart}
                onChange={(event) => onAutoStart(event.target.checked)}
              />
            }
            label="Start automatically when the slot frees"
          />
        )}
        <Button size="small" variant="outlined" color="inherit" onClick={onTryNow}>
          Try to start now
        </Button>
      </Stack>
      {queueError !== undefined && queueError !== null && (
        <ErrorPanel error={queueError} context="Queueing the job" />
      )}
      {!canQueue && autoStart && (
        <Typography variant="body2" role="status">
          Waiting for the slot: checking the hub every few seconds. Keep this page open.
        </Typography>
      )}
    </Alert>
  );
}
