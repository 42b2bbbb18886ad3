import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Stack, Typography } from '@mui/material';
import { downloadBlob } from '../../../lib/download-blob';
import { FailureLine } from '../../../components/failure-line';
import type { DiffClient } from '../../../workers/diff/diff-client';
import { handOffToImport, IMPORT_WIZARD_PATH } from '../../../lib/import-handoff';

const PLAN_REASON =
  'This file makes the hub like export A again (from the diff: what B added is deleted, what changed is restored). Each row carries its own mode (create, delete, createOrUpdate or updateTwin); review the counts before you upload.';

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
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (what: Exclude<Busy, null>) => {
    if (!client) return;
    setBusy(what);
    setFailure(null);
    try {
      if (what === 'plan') {
        const plan = await client.plan();
        const file = new File([plan.file], `make-hub-like-a-${fileStem}.ndjson`, {
          type: 'application/x-ndjson',
        });
        void navigate(
          IMPORT_WIZARD_PATH,
          handOffToImport({ file, suggestedMode: 'createOrUpdate', reason: PLAN_REASON }),
        );
        return;
      }
      downloadBlob(await client.download(what), `diff-${fileStem}.${what}`);
    } catch (error) {
      setFailure(error);
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
      {failure !== null && <FailureLine lead="That did not work" error={failure} />}
    </Stack>
  );
}
