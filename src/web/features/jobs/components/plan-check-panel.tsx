import {
  Alert,
  AlertTitle,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { plural } from '../../../lib/job-outcome';
import { usePlanCheck } from '../api/use-plan-check';

const SHOWN = 100;

/** After a planned import: every row where the hub did something other than the plan said. */
export function PlanCheckPanel({ job, jobRef }: { job: Job; jobRef: string }) {
  const check = usePlanCheck(job, jobRef, true);
  if (!check.isEnabled) return null;
  if (check.isPending) return <LoadingBlock label="Checking the outcome against the plan..." />;
  if (check.isError)
    return <ErrorPanel error={check.error} context="Checking the outcome against the plan" />;
  const { mismatches, rowsChecked } = check.data;
  if (mismatches.length === 0)
    return (
      <Alert severity="success" variant="outlined">
        The outcome matches the plan: {plural(rowsChecked, 'row', 'rows')} sent, none differs.
      </Alert>
    );
  return (
    <Alert severity="warning" variant="outlined" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>
        {plural(mismatches.length, 'row differs', 'rows differ')} from the plan
      </AlertTitle>
      The registry changed between the plan and the job, or the hub judged a row differently. Check
      these devices before you import again.
      <TableContainer
        sx={{ mt: 1, maxHeight: 300 }}
        tabIndex={0}
        aria-label="Rows that differ from the plan, scrollable"
      >
        <Table size="small" stickyHeader aria-label="Rows that differ from the plan">
          <TableHead>
            <TableRow>
              <TableCell>Device</TableCell>
              <TableCell>Planned</TableCell>
              <TableCell>What the hub did</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {mismatches.slice(0, SHOWN).map((m, index) => (
              <TableRow key={`${m.id}/${m.moduleId ?? ''}/${index}`}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {m.moduleId ? `${m.id}/${m.moduleId}` : m.id}
                </TableCell>
                <TableCell>
                  {m.planned === 'fail' ? `refused (${m.plannedCode ?? ''})` : (m.planned ?? '-')}
                </TableCell>
                <TableCell>
                  {m.actualCode === null ? 'applied it' : `refused it (${m.actualCode})`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Alert>
  );
}
