import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import RestoreIcon from '@mui/icons-material/Restore';
import type { Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { formatDateTime } from '../../../lib/format';
import { handOffToImport, IMPORT_WIZARD_PATH } from '../../../lib/import-handoff';
import { fetchUndoFile } from '../api/fetch-undo-file';

/**
 * The way back from an import planned against the registry: its undo file (recreate what it
 * deleted with keys, restore what it changed, delete what it created) opened in the import wizard,
 * where it gets a plan and a confirmation of its own before anything runs.
 */
export function RestorePanel({ job, jobRef }: { job: Job; jobRef: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const backup = job.backup;
  if (!backup) return null;

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      const undo = await fetchUndoFile(jobRef);
      void navigate(
        IMPORT_WIZARD_PATH,
        handOffToImport({
          file: new File([undo], `undo-${job.jobId ?? jobRef}.ndjson`, {
            type: 'application/x-ndjson',
          }),
          suggestedMode: 'createOrUpdate',
          reason: `Restoring the devices job ${job.jobId ?? jobRef} changed, as the hub held them at ${formatDateTime(backup.snapshotTakenAt)}. Each row carries its own mode; the plan below shows what the restore will do. Devices changed since then are overwritten.`,
        }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Alert
        severity="info"
        action={
          backup.undoAvailable ? (
            <Button
              color="inherit"
              size="small"
              startIcon={<RestoreIcon />}
              disabled={busy}
              onClick={() => void restore()}
            >
              {busy ? 'Opening...' : 'Restore'}
            </Button>
          ) : undefined
        }
      >
        <AlertTitle>Backup kept</AlertTitle>
        The devices this import touched, as they were at {formatDateTime(backup.snapshotTakenAt)},
        are kept until {formatDateTime(backup.expiresAt)}
        {backup.undoAvailable
          ? '. Restore opens the undo file in the import wizard, with its own plan.'
          : '; the undo file is offered once the job has ended.'}
      </Alert>
      {error !== null && <ErrorPanel error={error} context="Opening the undo file" />}
    </Stack>
  );
}
