import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Box, Button, LinearProgress } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/error-panel';
import { QueuedEntryStatus } from '../../../components/queued-entry-status';
import { SlotBusyPanel } from '../../../components/slot-busy-panel';
import { activeJobIdOf, isApiError } from '../../../lib/api-error';
import { enqueueImport } from '../../../lib/queue/enqueue-import';
import { useQueue } from '../../../lib/queue/get-queue';
import { useSlotWait } from '../../../lib/use-slot-wait';
import { startImport } from '../../../lib/start-import';

type StartState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | {
      phase: 'busy';
      activeJobId: string | null;
      autoStart: boolean;
      queueing?: boolean;
      queueError?: unknown;
    }
  | { phase: 'failed'; error: unknown };

/**
 * An uploaded import that was never started: start it from its own page, waiting for the slot if
 * needed.
 */
export function StartPendingImport({
  operationId,
  canStart,
}: {
  operationId: string;
  canStart: boolean;
}) {
  const [state, setState] = useState<StartState>({ phase: 'idle' });
  const autoStartRef = useRef(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const start = useCallback(async () => {
    setState({ phase: 'starting' });
    try {
      const { job } = await startImport(operationId);
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
      if (job.jobId) navigate(`/jobs/${encodeURIComponent(job.jobId)}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'JOB_SLOT_BUSY') {
        setState({
          phase: 'busy',
          activeJobId: activeJobIdOf(error),
          autoStart: autoStartRef.current,
        });
      } else {
        setState({ phase: 'failed', error });
      }
    }
  }, [operationId, navigate, queryClient]);

  const queue = useQueue();
  const queued = queue.data?.entries.some(
    (entry) => entry.operationId === operationId && entry.state !== 'failed',
  );
  const enqueue = useCallback(async () => {
    setState((previous) =>
      previous.phase === 'busy' ? { ...previous, queueing: true, queueError: null } : previous,
    );
    try {
      await enqueueImport(operationId);
      setState({ phase: 'idle' });
    } catch (error) {
      if (isApiError(error) && error.code === 'ALREADY_QUEUED') setState({ phase: 'idle' });
      else
        setState((previous) =>
          previous.phase === 'busy'
            ? { ...previous, queueing: false, queueError: error }
            : previous,
        );
    }
    await queryClient.invalidateQueries({ queryKey: ['queue'] });
  }, [operationId, queryClient]);

  const setAutoStart = (autoStart: boolean) => {
    autoStartRef.current = autoStart;
    setState((previous) => (previous.phase === 'busy' ? { ...previous, autoStart } : previous));
  };
  const startWhenFree = useCallback(() => void start(), [start]);
  useSlotWait(state.phase === 'busy' && state.autoStart, startWhenFree);

  return (
    <Box sx={{ mt: 2 }}>
      <QueuedEntryStatus operationId={operationId} canCancel={canStart} />
      {!queued && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          This import was uploaded but its job was never started.
          {canStart ? ' Start it now; the hub runs one job at a time.' : ' An admin can start it.'}
        </Alert>
      )}
      {canStart && !queued && state.phase !== 'busy' && (
        <Button
          variant="contained"
          onClick={() => void start()}
          disabled={state.phase === 'starting'}
        >
          Start import
        </Button>
      )}
      {state.phase === 'starting' && (
        <LinearProgress aria-label="Starting the job" sx={{ mt: 1 }} />
      )}
      {state.phase === 'busy' && (
        <SlotBusyPanel
          activeJobId={state.activeJobId}
          autoStart={state.autoStart}
          onAutoStart={setAutoStart}
          onTryNow={() => void start()}
          onQueue={() => void enqueue()}
          queueing={state.queueing}
          queueError={state.queueError}
        />
      )}
      {state.phase === 'failed' && (
        <ErrorPanel error={state.error} context="Starting the job" onRetry={() => void start()} />
      )}
    </Box>
  );
}
