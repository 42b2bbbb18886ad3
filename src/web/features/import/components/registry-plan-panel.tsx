import { memo } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import type { PlanOutcome } from '../../../../core/plan/plan-types';
import { ErrorPanel } from '../../../components/error-panel';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  percentOf,
} from '../../../lib/format';
import { plural } from '../../../lib/job-outcome';
import { usePlanSettings } from '../../../lib/plan-settings';
import { useNow } from '../../../lib/use-now';
import { isSkippable, type RegistryPlanState } from '../hooks/use-registry-plan';
import type { PlanSource } from '../model/plan-against-registry';
import { ageWords, exportRemainingMs } from '../model/snapshot-source';
import { OUTCOME_WORDS, PlanRowsTable } from './plan-rows-table';

// The plan in the review: where the registry was read from and how long ago, then what the hub
// will do with each row, before anything is sent.

interface RegistryPlanPanelProps {
  state: RegistryPlanState;
  hubName: string | null;
  /** Devices on the hub now (GET /api/hub), for the cost of a fresh export; null while unknown. */
  hubDevices: number | null;
  skipped: boolean;
  onSkip: (value: boolean) => void;
  onRetry: () => void;
  onTakeExport: () => void;
  /** The admin chose new keys for the rows that carry none (else the registry's are kept). */
  rotateKeys: boolean;
  onRotateKeys: (value: boolean) => void;
}

const PHASE_WORDS = {
  scan: 'Reading the file',
  index: 'Reading the registry snapshot',
  plan: 'Planning every row',
} as const;

function sourceWords(source: PlanSource): string {
  if (source.kind === 'lookup') return 'devices read one by one';
  return `${source.fresh ? 'a fresh export' : 'export'} ${source.name}`;
}

export const RegistryPlanPanel = memo(function RegistryPlanPanel({
  state,
  hubName,
  hubDevices,
  skipped,
  onSkip,
  onRetry,
  onTakeExport,
  rotateKeys,
  onRotateKeys,
}: RegistryPlanPanelProps) {
  const hub = hubName ?? 'the hub';
  const settings = usePlanSettings();
  // The export's time left changes by the second; the plan's age by the minute.
  const now = useNow(
    state.phase === 'exporting' || state.phase === 'planned',
    state.phase === 'exporting' ? 1000 : 30_000,
  );
  return (
    <Paper component="section" variant="outlined" aria-labelledby="plan-heading" sx={{ p: 3 }}>
      <Typography id="plan-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
        Plan against {hub}
      </Typography>
      {state.phase === 'idle' && (
        <Typography variant="body2" color="text.secondary">
          The plan appears once the file is converted.
        </Typography>
      )}
      {state.phase === 'reading' && (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Reading {formatCount(state.total)} devices and modules from {hub}, one by one:{' '}
            {formatCount(state.done)} done.
          </Typography>
          <LinearProgress
            variant="determinate"
            value={percentOf(state.done, state.total)}
            aria-label="Reading the registry"
          />
        </Box>
      )}
      {state.phase === 'needs-export' && (
        <Stack spacing={1.5}>
          <Typography variant="body2">
            This file has {formatCount(state.devices)} rows: more than the{' '}
            {formatCount(settings.lookupLimit)} devices a plan reads one by one. It is planned
            against an export with keys, and {hub} has none from the last{' '}
            {settings.snapshotMaxAgeMinutes} min.
          </Typography>
          <Alert severity="info">
            A fresh export reads every device of {hub}
            {hubDevices !== null ? ` (${formatCount(hubDevices)} now)` : ''}. It takes the hub’s one
            import/export job slot until it ends: no other import or export can start meanwhile.
          </Alert>
          <Box>
            <Button variant="outlined" onClick={onTakeExport}>
              Take a fresh export with keys
            </Button>
          </Box>
        </Stack>
      )}
      {state.phase === 'exporting' && (
        <ExportProgress state={state} hub={hub} hubDevices={hubDevices} now={now} />
      )}
      {state.phase === 'downloading' && (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Reading the registry from {sourceWords(state.source)}:{' '}
            {formatBytes(state.progress.bytes)}
            {state.progress.totalBytes !== null
              ? ` of ${formatBytes(state.progress.totalBytes)}`
              : ''}
            .
          </Typography>
          <LinearProgress
            variant={state.progress.totalBytes ? 'determinate' : 'indeterminate'}
            value={percentOf(state.progress.bytes, state.progress.totalBytes ?? 0)}
            aria-label="Downloading the export"
          />
        </Box>
      )}
      {state.phase === 'planning' && (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {state.progress ? PHASE_WORDS[state.progress.phase] : 'Starting the plan'} (registry
            from {sourceWords(state.source)}).
          </Typography>
          <LinearProgress
            variant={state.progress ? 'determinate' : 'indeterminate'}
            value={
              state.progress ? percentOf(state.progress.bytesRead, state.progress.totalBytes) : 0
            }
            aria-label="Planning"
          />
        </Box>
      )}
      {state.phase === 'failed' && (
        <ErrorPanel error={state.error} context="Making the plan" onRetry={onRetry} />
      )}
      {isSkippable(state) && (
        <FormControlLabel
          sx={{ mt: 1 }}
          control={
            <Checkbox checked={skipped} onChange={(event) => onSkip(event.target.checked)} />
          }
          label="Upload without a plan: no prediction, no kept keys, no backup and no undo"
        />
      )}
      {state.phase === 'planned' && (
        <PlanDetails
          state={state}
          hub={hub}
          now={now}
          rotateKeys={rotateKeys}
          onRotateKeys={onRotateKeys}
        />
      )}
    </Paper>
  );
});

function ExportProgress({
  state,
  hub,
  hubDevices,
  now,
}: {
  state: Extract<RegistryPlanState, { phase: 'exporting' }>;
  hub: string;
  hubDevices: number | null;
  now: number;
}) {
  const { job } = state;
  const remaining = exportRemainingMs(job, now);
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Exporting {hubDevices !== null ? `${formatCount(hubDevices)} devices` : 'the devices'} of{' '}
        {hub} with keys ({job.status}, {job.progress}%):{' '}
        {remaining === null
          ? 'the time left shows once the hub reports progress.'
          : `about ${formatDuration(remaining)} left.`}{' '}
        The hub’s job slot is taken until it ends.
      </Typography>
      <LinearProgress
        variant={job.progress > 0 ? 'determinate' : 'indeterminate'}
        value={job.progress}
        aria-label="Exporting the registry"
      />
    </Box>
  );
}

function PlanDetails({
  state,
  hub,
  now,
  rotateKeys,
  onRotateKeys,
}: {
  state: Extract<RegistryPlanState, { phase: 'planned' }>;
  hub: string;
  now: number;
  rotateKeys: boolean;
  onRotateKeys: (value: boolean) => void;
}) {
  const { plan } = state;
  const { summary } = plan;
  const overCap = plan.notices.find((notice) => notice.code === 'over-device-cap')?.count ?? 0;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Registry read {ageWords(plan.takenAt, now)} from {sourceWords(plan.source)} (
        {formatDateTime(plan.takenAt)}): the plan is as fresh as that.
      </Typography>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }} role="list" aria-label="Plan counts">
        {(Object.keys(OUTCOME_WORDS) as PlanOutcome[]).map((outcome) => (
          <Box key={outcome} role="listitem" sx={{ minWidth: 100 }}>
            <Typography variant="h5" component="p">
              {formatCount(summary[outcome])}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {OUTCOME_WORDS[outcome]}
            </Typography>
          </Box>
        ))}
      </Stack>
      {plan.keysKept > 0 && (
        <Alert severity="info">
          {plural(plan.keysKept, 'device keeps its keys', 'devices keep their keys')}: the rows
          carry no keys, and the hub would otherwise give them new ones. The registry’s keys are
          written into those rows.
        </Alert>
      )}
      {plan.keysRotated > 0 && (
        <Alert severity="warning">
          <AlertTitle>New keys for {plural(plan.keysRotated, 'device', 'devices')}</AlertTitle>
          Those devices stop connecting until they get the new keys.
        </Alert>
      )}
      {(plan.keysKept > 0 || rotateKeys) && (
        <FormControlLabel
          control={
            <Checkbox
              checked={rotateKeys}
              onChange={(event) => onRotateKeys(event.target.checked)}
            />
          }
          label={
            rotateKeys
              ? 'Regenerate the keys of the devices whose rows carry none (the hub mints new ones)'
              : `Regenerate the keys of ${plan.keysKept === 1 ? 'this device' : `these ${formatCount(plan.keysKept)} devices`} instead (the hub mints new ones; ${plan.keysKept === 1 ? 'it stops' : 'they stop'} connecting until given them)`
          }
        />
      )}
      {overCap > 0 && (
        <Alert severity="error">
          <AlertTitle>Over the hub&apos;s device cap</AlertTitle>
          {plural(overCap, 'create goes', 'creates go')} past the hub&apos;s cap of devices and
          modules: the hub would refuse {overCap === 1 ? 'it' : 'each'} with 403002. Delete devices
          first, leave {overCap === 1 ? 'that row' : 'those rows'} out, or raise the cap.
        </Alert>
      )}
      {summary.fail > 0 && (
        <Alert severity="warning">
          {plural(summary.fail, 'row', 'rows')} will be refused by the hub, with the codes below.
        </Alert>
      )}
      <Typography variant="body2">
        {plan.sent === 0
          ? `Nothing to send: every row already matches ${hub}.`
          : `${plural(plan.sent, 'row', 'rows')} will be sent${plan.leftOut > 0 ? `; ${plural(plan.leftOut, 'unchanged row is', 'unchanged rows are')} left out` : ''}.`}{' '}
        {plan.undo.delete + plan.undo.recreate + plan.undo.restore > 0 &&
          'The devices as they are now are kept with the import, and its job page offers to restore them.'}
      </Typography>
      <PlanRowsTable plan={plan} />
    </Stack>
  );
}
