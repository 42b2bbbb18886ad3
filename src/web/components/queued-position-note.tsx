import { Typography } from '@mui/material';
import { useQueue } from '../lib/queue/get-queue';
import { queueEtaWords, queuePositionWords } from '../lib/queue/queue-position-words';

/**
 * One line under a list row's status for an operation waiting in the server's queue; nothing for
 * any other. Every row reads the same cached queue query, so a page of rows costs one request.
 */
export function QueuedPositionNote({ operationId }: { operationId: string }) {
  const queue = useQueue();
  const entry = queue.data?.entries.find((candidate) => candidate.operationId === operationId);
  if (!entry || !queue.data) return null;
  const eta = queueEtaWords(entry);
  return (
    <Typography variant="body2" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
      {queuePositionWords(entry, queue.data.holder, queue.dataUpdatedAt)}
      {eta ? `; ${eta}` : ''}
    </Typography>
  );
}
