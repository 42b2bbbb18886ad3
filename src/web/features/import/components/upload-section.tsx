import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import type { ConversionReport } from '../../../../core/convert/types';
import { ErrorPanel } from '../../../components/error-panel';
import { hubNameOf, useHubInfo } from '../../../lib/use-hub-info';
import { useCurrentHubLabel } from '../../../lib/hubs/current-hub';
import { plural } from '../../../lib/job-outcome';
import type { RegistryPlan } from '../model/plan-against-registry';
import {
  confirmPhraseFor,
  confirmPhraseForPlan,
  countDestructive,
  devicesText,
  matchesConfirmPhrase,
} from '../model/confirm-phrase';
import type { UploadState } from '../hooks/use-upload-and-start';
import type { ChecksumProgress } from '../../../workers/conversion/run-conversion';
import { useProgressStore, type ProgressStore } from '../../../lib/progress-store';
import { SlotBusyPanel } from '../../../components/slot-busy-panel';
import { ChunkOptions, type ChunkChoice } from '../../../components/chunk-options';
import { UploadProgress } from './upload-progress';

interface UploadSectionProps {
  /** The file is being read again after a change: what is shown is the previous outcome. */
  updating: boolean;
  report: ConversionReport;
  excludeInvalid: boolean;
  /** The plan the upload follows; null when there is none (yet, or skipped). */
  plan: RegistryPlan | null;
  /** Why the upload waits for the plan (reading, or a choice the admin must make); else null. */
  planGate: string | null;
  state: UploadState;
  checksumProgress: ProgressStore<ChecksumProgress | null>;
  onUpload: () => void;
  onStart: (operationId: string) => void;
  onQueue: (operationId: string) => void;
  onCancelUpload: () => void;
  onAutoStart: (value: boolean) => void;
  /** Import in chunks (docs/import-wizard.md); null for one job. Without a handler, not offered. */
  chunks?: ChunkChoice | null;
  onChunksChange?: (value: ChunkChoice | null) => void;
}

const STAGE_CONTEXT = {
  prepare: 'Preparing the upload',
  upload: 'Uploading',
  start: 'Starting the job',
  split: 'Splitting the file into chunks',
} as const;

export function UploadSection({
  updating,
  report,
  excludeInvalid,
  plan,
  planGate,
  state,
  checksumProgress,
  onUpload,
  onStart,
  onQueue,
  onCancelUpload,
  onAutoStart,
  chunks = null,
  onChunksChange,
}: UploadSectionProps) {
  // The typed text belongs to the phrase it was typed for: a re-conversion that leaves the phrase
  // as it was keeps it; one that changes the phrase (another count, another consequence) asks for
  // the new phrase from scratch.
  const [entry, setEntry] = useState<{ text: string; phrase: string | null }>({
    text: '',
    phrase: null,
  });
  const hub = useHubInfo();
  const hubName = hub.data ? hubNameOf(hub.data.hostName) : null;
  const hubLabel = useCurrentHubLabel();
  const phrase =
    hubName === null
      ? null
      : plan
        ? confirmPhraseForPlan(plan, hubName)
        : confirmPhraseFor(report.byMode, hubName);
  const typed = entry.phrase === phrase ? entry.text : '';
  const counts = countDestructive(report.byMode);
  // Without a plan createOrUpdate rows may replace devices nobody can see; with one, the plan says.
  const mayOverwrite = plan ? 0 : counts.mayOverwrite;
  const destructive = plan
    ? plan.summary.delete + plan.summary.update + plan.keysRotated
    : counts.deletes + counts.overwrites;
  const awaitingHubName = hubName === null && destructive > 0;
  const busy =
    state.phase === 'checksums' ||
    state.phase === 'preparing' ||
    state.phase === 'uploading' ||
    state.phase === 'starting' ||
    state.phase === 'slot-busy';
  let blocked: string | null = null;
  if (updating) blocked = 'Updating: the file is being read again with your change.';
  else if (report.fileError) blocked = 'The file could not be read; fix it and drop it again.';
  else if (report.mappingProblems !== undefined && report.mappingProblems.length > 0)
    blocked =
      'A column is mapped to a name the hub refuses; type another name in the column mapping.';
  else if (report.valid === 0) blocked = 'There are no valid rows to import.';
  else if (report.invalid > 0 && !excludeInvalid)
    blocked = 'Fix the file and drop it again, or tick “Exclude invalid rows” in the Review.';
  else if (planGate) blocked = planGate;
  else if (plan && plan.sent === 0)
    blocked = 'Nothing to send: the plan found that every row already matches the hub.';
  else if (awaitingHubName)
    blocked = hub.isError
      ? 'The hub’s name could not be loaded, and a destructive import is confirmed by typing it. Reload the page.'
      : 'Loading the hub’s name for the confirmation...';
  const confirmed = phrase === null || matchesConfirmPhrase(typed, phrase);
  // While updating, the warnings and the phrase of the outcome on screen stay, so the admin can
  // read and type on; only the button waits.
  const warn = blocked === null || updating;

  return (
    <Paper component="section" variant="outlined" aria-labelledby="upload-heading" sx={{ p: 3 }}>
      <Typography id="upload-heading" component="h2" variant="h6" sx={{ mb: 2 }}>
        Upload and start
      </Typography>
      <Stack spacing={2}>
        {blocked && <Alert severity="info">{blocked}</Alert>}
        {mayOverwrite > 0 && warn && (
          <Alert severity="warning">
            {devicesText(mayOverwrite)} use createOrUpdate: any of them that already exist in the
            hub{hubName ? ` ${hubName}` : ''} are replaced by the file’s values (identity, keys and
            twin).
          </Alert>
        )}
        {phrase && warn && (
          <Box>
            <Alert severity="warning" sx={{ mb: 1.5 }}>
              This import will <strong>{phrase}</strong>. {hubLabel ? `Hub: ${hubLabel}. ` : ''}
              {plan
                ? 'The devices as they are now are kept with the import, and its job page offers to restore them.'
                : 'Without a plan there is no backup: deleted devices and overwritten values cannot be restored by the console.'}{' '}
              Type <strong>{phrase}</strong> to confirm.
            </Alert>
            <TextField
              label="Type to confirm"
              value={typed}
              onChange={(event) => setEntry({ text: event.target.value, phrase })}
              disabled={busy}
              autoComplete="off"
              error={typed.length > 0 && !confirmed}
              helperText={typed.length > 0 && !confirmed ? `Type exactly: ${phrase}` : ' '}
              sx={{ maxWidth: 420 }}
              fullWidth
            />
          </Box>
        )}
        {onChunksChange && (
          <ChunkOptions value={chunks} onChange={onChunksChange} disabled={busy} />
        )}
        <Box>
          <Button
            variant="contained"
            size="large"
            startIcon={<CloudUploadIcon />}
            disabled={busy || blocked !== null || !confirmed}
            onClick={onUpload}
          >
            {chunks && onChunksChange ? 'Upload and queue in chunks' : 'Upload and start import'}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {plan ? plural(plan.sent, 'row', 'rows') : devicesText(report.valid)} will be sent to{' '}
            {hubName ?? 'the hub'}, with the original file kept for support.
          </Typography>
        </Box>
        {state.phase === 'checksums' && <ChecksumWait store={checksumProgress} />}
        {state.phase === 'preparing' && <LinearProgress aria-label="Preparing upload" />}
        {state.phase === 'uploading' && (
          <UploadProgress progress={state.progress} onCancel={onCancelUpload} />
        )}
        {state.phase === 'starting' && (
          <Box>
            <LinearProgress aria-label="Starting the job" />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {chunks && onChunksChange
                ? 'Upload complete. Splitting the file into chunks...'
                : 'Upload complete. Starting the import job...'}
            </Typography>
          </Box>
        )}
        {state.phase === 'slot-busy' && (
          <SlotBusyPanel
            activeJobId={state.activeJobId}
            autoStart={state.autoStart}
            onAutoStart={onAutoStart}
            onTryNow={() => onStart(state.operationId)}
            onQueue={() => onQueue(state.operationId)}
            queueing={state.queueing}
            queueError={state.queueError}
          />
        )}
        {state.phase === 'failed' && (
          <ErrorPanel
            error={state.error}
            context={STAGE_CONTEXT[state.stage]}
            onRetry={
              state.stage === 'start' && state.operationId
                ? () => onStart(state.operationId as string)
                : onUpload
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

// The audit log records the sha256 of the dropped file and of the converted file. Hashing runs
// beside the conversion and usually ends before anyone clicks; on a big file it may still be going.
function ChecksumWait({ store }: { store: ProgressStore<ChecksumProgress | null> }) {
  const progress = useProgressStore(store);
  const percent =
    progress && progress.totalBytes > 0
      ? Math.min(100, Math.round((progress.hashedBytes / progress.totalBytes) * 100))
      : 0;
  return (
    <Box>
      <LinearProgress variant="determinate" value={percent} aria-label="Computing checksums" />
      <Typography variant="body2" sx={{ mt: 1 }}>
        Computing the files’ checksums for the audit log ({percent}%). The upload starts when they
        are ready.
      </Typography>
    </Box>
  );
}
