import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  Typography,
} from '@mui/material';
import { wordsForCode } from '../lib/describe-error';
import { isApiErrorCode } from '../lib/api-error';
import { formatDateTime } from '../lib/format';
import { useCancelQueueEntry } from '../lib/queue/cancel-queue-entry';
import { useQueue } from '../lib/queue/get-queue';
import { queueEtaWords, queuePositionWords } from '../lib/queue/queue-position-words';
import { ErrorPanel } from './error-panel';

/**
 * Where an operation stands in the server's queue: position, the job it waits behind and an ETA.
 * The queue lives on the server, so this survives reloads and proxy restarts. When the entry
 * leaves the queue (its job started) the job queries are refreshed so the page follows the job.
 * Renders nothing for an operation that is not queued.
 */
export function QueuedEntryStatus({
  operationId,
  canCancel,
}: {
  operationId: string;
  canCancel: boolean;
}) {
  const queue = useQueue();
  const queryClient = useQueryClient();
  const cancel = useCancelQueueEntry();
  const [confirming, setConfirming] = useState(false);
  const entry = queue.data?.entries.find((candidate) => candidate.operationId === operationId);
  const wasQueued = useRef(false);
  useEffect(() => {
    if (entry) wasQueued.current = true;
    else if (wasQueued.current && queue.data) {
      wasQueued.current = false;
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    }
  }, [entry, queue.data, queryClient]);

  if (!entry || !queue.data) return null;
  if (entry.state === 'failed' && entry.failure) {
    const code = entry.failure.code;
    const words = wordsForCode(isApiErrorCode(code) ? code : 'UNKNOWN_SERVER_CODE');
    return (
      <Alert severity="error" role="alert" sx={{ mb: 1.5 }}>
        <AlertTitle>The queued start failed: {words.title.toLowerCase()}</AlertTitle>
        <Typography variant="body2">{entry.failure.message || words.why}</Typography>
        <Typography variant="body2">{words.action}</Typography>
      </Alert>
    );
  }
  if (entry.state === 'stopped')
    return (
      <Alert severity="warning" role="status" aria-label="Queue position" sx={{ mb: 1.5 }}>
        <AlertTitle>{queuePositionWords(entry, queue.data.holder)}</AlertTitle>
        <Typography variant="body2">
          Too many rows of the chunk before it failed, so this chunk waits for an admin.{' '}
          {entry.run && (
            <Link component={RouterLink} to={`/runs/${encodeURIComponent(entry.run.runId)}`}>
              Open the chunked import to resume it.
            </Link>
          )}
        </Typography>
      </Alert>
    );
  const eta = queueEtaWords(entry);
  return (
    <Alert
      severity="info"
      role="status"
      aria-label="Queue position"
      sx={{ mb: 1.5 }}
      action={
        canCancel &&
        entry.state === 'queued' && (
          <Button color="inherit" size="small" onClick={() => setConfirming(true)}>
            Remove from queue
          </Button>
        )
      }
    >
      <AlertTitle>{queuePositionWords(entry, queue.data.holder, queue.dataUpdatedAt)}</AlertTitle>
      <Typography variant="body2">
        Queued by {entry.enqueuedBy.name} at {formatDateTime(entry.enqueuedAt)}
        {eta ? `; ${eta}` : ''}. It starts on the server in turn; this page can be closed.
      </Typography>
      {cancel.isError && <ErrorPanel error={cancel.error} context="Removing from the queue" />}
      <Dialog open={confirming} onClose={() => setConfirming(false)}>
        <DialogTitle>Remove this {entry.kind} from the queue?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {entry.kind === 'export'
              ? 'Nothing has run yet, so nothing changes on the hub; the export is dropped. ' +
                'Start or queue a new one when you need it.'
              : 'Nothing has run yet, so nothing changes on the hub. The uploaded file stays; ' +
                'you can start or queue it again later.'}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Keep it queued</Button>
          <Button
            color="warning"
            variant="contained"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(entry.entryId, { onSettled: () => setConfirming(false) })}
          >
            Remove from queue
          </Button>
        </DialogActions>
      </Dialog>
    </Alert>
  );
}
