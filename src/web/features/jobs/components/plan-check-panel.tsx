import { Alert, AlertTitle } from '@mui/material';
import type { Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageOfRowsTable, type PageColumn } from '../../../components/page-of-rows-table';
import { plural } from '../../../lib/job-outcome';
import { usePlanCheck } from '../api/use-plan-check';
import type { OutcomeMismatch } from '../model/check-plan-outcome';

const SHOWN = 100;

const COLUMNS: readonly PageColumn<OutcomeMismatch>[] = [
  {
    header: 'Device',
    cell: (m) => (m.moduleId ? `${m.id}/${m.moduleId}` : m.id),
    wrapAnywhere: true,
  },
  {
    header: 'Planned',
    cell: (m) => (m.planned === 'fail' ? `refused (${m.plannedCode ?? ''})` : (m.planned ?? '-')),
  },
  {
    header: 'What the hub did',
    cell: (m) => (m.actualCode === null ? 'applied it' : `refused it (${m.actualCode})`),
  },
];

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
      <PageOfRowsTable
        label="Rows that differ from the plan"
        columns={COLUMNS}
        rows={mismatches.slice(0, SHOWN)}
        rowKey={(m, index) => `${m.id}/${m.moduleId ?? ''}/${index}`}
        maxHeight={300}
        marginTop={1}
      />
    </Alert>
  );
}
