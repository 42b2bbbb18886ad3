import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { useCancelJob } from '../api/cancel-job';

export function CancelJobButton({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const cancel = useCancelJob(jobId);

  const confirm = () => {
    cancel.mutate(undefined, { onSuccess: () => setOpen(false) });
  };

  return (
    <>
      <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
        Cancel job
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="cancel-job-title">
        <DialogTitle id="cancel-job-title">Cancel this job?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The hub stops the job as soon as it can. Devices it already processed stay as they are;
            the rest are not imported. You can start a new import with the remaining rows
            afterwards.
          </DialogContentText>
          {cancel.isError && <ErrorPanel error={cancel.error} context="Cancelling the job" />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Keep it running</Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={cancel.isPending}>
            Cancel the job
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
