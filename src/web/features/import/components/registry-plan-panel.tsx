import { memo } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { PlanOutcome, PlanRow } from '../../../../core/plan/plan-types';
import { ErrorPanel } from '../../../components/error-panel';
import { formatCount, formatDateTime, percentOf } from '../../../lib/format';
import { plural } from '../../../lib/job-outcome';
import type { RegistryPlanState } from '../hooks/use-registry-plan';
import { LOOKUP_LIMIT } from '../model/plan-against-registry';

// The plan in the review: what the hub will do with each row, before anything is sent.

const OUTCOME_WORDS: Record<PlanOutcome, string> = {
  create: 'create',
  update: 'change',
  unchanged: 'unchanged',
  delete: 'delete',
  fail: 'will fail',
};
const SHOWN_ROWS = 200;

interface RegistryPlanPanelProps {
  state: RegistryPlanState;
  hubName: string | null;
  skipped: boolean;
  onSkip: (value: boolean) => void;
  onRetry: () => void;
}

function rowWords(row: PlanRow): string {
  if (row.outcome === 'fail') return `${row.errorCode ?? ''} ${row.message ?? ''}`.trim();
  const parts: string[] = [];
  if (row.fields && row.fields.length > 0) parts.push(row.fields.join(', '));
  if (row.keysKept) parts.push('keys kept from the registry');
  if (row.keysRotated) parts.push('NEW KEYS: the hub regenerates them');
  return parts.join('; ');
}

export const RegistryPlanPanel = memo(function RegistryPlanPanel({
  state,
  hubName,
  skipped,
  onSkip,
  onRetry,
}: RegistryPlanPanelProps) {
  const hub = hubName ?? 'the hub';
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
            Reading {formatCount(state.total)} devices and modules from {hub}:{' '}
            {formatCount(state.done)} done.
          </Typography>
          <LinearProgress
            variant="determinate"
            value={percentOf(state.done, state.total)}
            aria-label="Reading the registry"
          />
        </Box>
      )}
      {state.phase === 'failed' && (
        <ErrorPanel error={state.error} context="Reading the registry" onRetry={onRetry} />
      )}
      {state.phase === 'too-large' && (
        <Alert severity="warning">
          This file has {formatCount(state.devices)} rows. The console reads up to{' '}
          {formatCount(LOOKUP_LIMIT)} devices one by one to plan an import; a larger plan needs an
          export with keys, which the console cannot take yet (use <code>iot-bulk plan</code> with
          an export). Without a plan nothing says what the import changes, and there is no undo.
        </Alert>
      )}
      {(state.phase === 'failed' || state.phase === 'too-large') && (
        <FormControlLabel
          sx={{ mt: 1 }}
          control={
            <Checkbox checked={skipped} onChange={(event) => onSkip(event.target.checked)} />
          }
          label="Upload without a plan: no prediction, no kept keys, no backup and no undo"
        />
      )}
      {state.phase === 'planned' && <PlanDetails state={state} hub={hub} />}
    </Paper>
  );
});

function PlanDetails({
  state,
  hub,
}: {
  state: Extract<RegistryPlanState, { phase: 'planned' }>;
  hub: string;
}) {
  const { plan } = state;
  const { summary } = plan;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Read from {hub} at {formatDateTime(plan.takenAt)}: the plan is as fresh as that.
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
      {plan.rows.length > 0 && (
        // Scrolls on its own: focusable so keyboard users can scroll it too (axe
        // scrollable-region-focusable).
        <TableContainer
          sx={{ maxHeight: 360 }}
          tabIndex={0}
          aria-label="Planned changes, scrollable"
        >
          <Table size="small" stickyHeader aria-label="Planned changes">
            <TableHead>
              <TableRow>
                <TableCell>Device</TableCell>
                <TableCell>Outcome</TableCell>
                <TableCell>What changes</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.rows.slice(0, SHOWN_ROWS).map((row) => (
                <TableRow key={`${row.line}`}>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    {row.moduleId ? `${row.id}/${row.moduleId}` : row.id}
                  </TableCell>
                  <TableCell>{OUTCOME_WORDS[row.outcome]}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{rowWords(row)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {plan.rows.length > SHOWN_ROWS && (
        <Typography variant="body2" color="text.secondary">
          The first {formatCount(SHOWN_ROWS)} of {formatCount(plan.rows.length)} rows that do
          something are shown.
        </Typography>
      )}
    </Stack>
  );
}
