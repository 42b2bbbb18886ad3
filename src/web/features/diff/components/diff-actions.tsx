import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Stack, Typography } from '@mui/material';
import { downloadBlob } from '../../../lib/download-blob';
import type { DiffClient } from '../../../workers/diff/diff-client';
import { setPendingPlan } from '../../../lib/registry-worker/plan-handoff';

interface DiffActionsProps {
  client: DiffClient | null;
  fileStem: string;
  /** Only admins import; support users get the downloads only. */
  canPlan: boolean;
  nothingToDo: boolean;
}

type Busy = 'json' | 'csv' | 'plan' | null;

/**
 * Downloads carry ids and field names only. "Make the hub like A" turns the hub, as B shows it, back
 * into A: it deletes what B added, recreates what A had, and restores changed fields. It builds the
 * import file in the worker and hands it to the import wizard, where the admin reviews modes and
 * counts (and the hub's name in the confirmation) before anything runs.
 */
export function DiffActions({ client, fileStem, canPlan, nothingToDo }: DiffActionsProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (what: Exclude<Busy, null>) => {
    if (!client) return;
    setBusy(what);
    setFailure(null);
    try {
      if (what === 'plan') {
        const plan = await client.plan();
        setPendingPlan(
          new File([plan.file], `make-hub-like-a-${fileStem}.ndjson`, {
            type: 'application/x-ndjson',
          }),
        );
        void navigate('/import?from=diff');
        return;
      }
      downloadBlob(await client.download(what), `diff-${fileStem}.${what}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          disabled={!client || busy !== null}
          onClick={() => void run('json')}
        >
          Download diff (JSON)
        </Button>
        <Button
          variant="outlined"
          disabled={!client || busy !== null}
          onClick={() => void run('csv')}
        >
          Download diff (CSV)
        </Button>
        {canPlan && (
          <Button
            variant="contained"
            disabled={!client || busy !== null || nothingToDo}
            onClick={() => void run('plan')}
          >
            Make the hub like A
          </Button>
        )}
      </Stack>
      {busy !== null && (
        <Typography role="status" variant="body2" color="text.secondary">
          {busy === 'plan' ? 'Building the import file...' : 'Preparing the download...'}
        </Typography>
      )}
      {failure && (
        <Typography role="alert" color="error" variant="body2">
          That did not work: {failure}
        </Typography>
      )}
    </Stack>
  );
}
