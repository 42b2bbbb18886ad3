import { useCallback, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Paper,
  TextField,
  Typography,
} from '@mui/material';
import { OPERATION_LABEL_MAX } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { SlotBusyPanel } from '../../../components/slot-busy-panel';
import { activeJobIdOf, isApiError } from '../../../lib/api-error';
import { useIsAdmin } from '../../../lib/current-user';
import { enqueueExport } from '../../../lib/queue/enqueue-export';
import { useSlotWait } from '../../../lib/use-slot-wait';
import { useStartExport } from '../api/start-export';
import { IncludeKeysDialog } from './include-keys-dialog';

/** Keys stay out unless an admin ticks "Include keys" and confirms the warning. */
export function StartExportPanel({ onStarted }: { onStarted: (jobRef: string) => void }) {
  const isAdmin = useIsAdmin();
  const start = useStartExport();
  const [includeKeys, setIncludeKeys] = useState(false);
  const [askKeys, setAskKeys] = useState(false);
  const [includeConfigurations, setIncludeConfigurations] = useState(false);
  const [autoStart, setAutoStart] = useState(false);
  const [label, setLabel] = useState('');
  const slotBusy = isApiError(start.error) && start.error.code === 'JOB_SLOT_BUSY';

  const queryClient = useQueryClient();
  // Queued on the server, the export starts in turn whatever happens to this tab; admins only.
  const enqueue = useMutation({
    mutationFn: enqueueExport,
    onSuccess: ({ entry }) => {
      setLabel('');
      start.reset();
      onStarted(entry.operationId);
    },
    onSettled: () =>
      Promise.all(
        [['queue'], ['exports'], ['jobs']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });

  const { mutate } = start;
  const request = useCallback(
    () => ({
      excludeKeys: !(isAdmin && includeKeys),
      includeConfigurations,
      ...(label.trim() ? { label: label.trim() } : {}),
    }),
    [isAdmin, includeKeys, includeConfigurations, label],
  );
  const run = useCallback(() => {
    mutate(request(), {
      onSuccess: (job) => {
        setAutoStart(false);
        setLabel('');
        const ref = job.jobId ?? job.operationId;
        if (ref) onStarted(ref);
      },
    });
  }, [mutate, request, onStarted]);
  useSlotWait(slotBusy && autoStart && !start.isPending, run);

  return (
    <Paper
      variant="outlined"
      sx={{ p: 3 }}
      component="section"
      aria-labelledby="start-export-heading"
    >
      <Typography id="start-export-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
        New export
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The hub writes every device and module identity with its twin to a devices.txt snapshot you
        can browse and compare.
      </Typography>
      <TextField
        label="Label (optional)"
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        size="small"
        fullWidth
        sx={{ maxWidth: 480, mt: 1, mb: 1 }}
        helperText={`What this export is for, shown with it everywhere. ${label.length}/${OPERATION_LABEL_MAX}`}
        slotProps={{ htmlInput: { maxLength: OPERATION_LABEL_MAX } }}
      />
      <FormGroup row sx={{ gap: 2 }}>
        {isAdmin && (
          <FormControlLabel
            control={
              <Checkbox
                checked={includeKeys}
                onChange={(event) =>
                  event.target.checked ? setAskKeys(true) : setIncludeKeys(false)
                }
              />
            }
            label="Include keys"
          />
        )}
        <FormControlLabel
          control={
            <Checkbox
              checked={includeConfigurations}
              onChange={(event) => setIncludeConfigurations(event.target.checked)}
            />
          }
          label="Include configurations"
        />
      </FormGroup>
      <Typography
        variant="body2"
        color={includeKeys ? 'warning.main' : 'text.secondary'}
        sx={{ mb: 2 }}
      >
        {includeKeys
          ? 'Device keys will be inside the export file.'
          : 'Device keys are left out of the export.'}
      </Typography>
      <Button variant="contained" onClick={run} disabled={start.isPending}>
        Start export
      </Button>
      {start.isPending && (
        <Typography component="span" role="status" sx={{ ml: 2 }} color="text.secondary">
          Asking the hub to start the export...
        </Typography>
      )}
      {start.isError && (
        <Box sx={{ mt: 2 }}>
          {slotBusy ? (
            <SlotBusyPanel
              activeJobId={activeJobIdOf(start.error)}
              autoStart={autoStart}
              onAutoStart={setAutoStart}
              onTryNow={run}
              waitingWhat="Nothing has started yet; the export will run once the slot frees."
              onQueue={isAdmin ? () => enqueue.mutate(request()) : undefined}
              queueing={enqueue.isPending}
              queueError={enqueue.error}
            />
          ) : (
            <ErrorPanel error={start.error} context="Starting the export" onRetry={run} />
          )}
        </Box>
      )}
      <IncludeKeysDialog
        open={askKeys}
        onCancel={() => setAskKeys(false)}
        onConfirm={() => {
          setAskKeys(false);
          setIncludeKeys(true);
        }}
      />
    </Paper>
  );
}
