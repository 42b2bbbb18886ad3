import { useEffect, useState } from 'react';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { PlanOutcome, PlanRow } from '../../../../core/plan/plan-types';
import { PageOfRowsTable, type PageColumn } from '../../../components/page-of-rows-table';
import { formatCount } from '../../../lib/format';
import type { RegistryPlan } from '../model/plan-against-registry';

// The plan's rows, a page at a time from the plan worker: a 1,000,000-row plan never becomes a
// million React rows. By default the rows that do something; unchanged rows on request.

export const OUTCOME_WORDS: Record<PlanOutcome, string> = {
  create: 'create',
  update: 'change',
  unchanged: 'unchanged',
  delete: 'delete',
  fail: 'will fail',
};
const PAGE = 100;
const DOING: PlanOutcome[] = ['create', 'update', 'delete', 'fail'];
type Filter = 'doing' | PlanOutcome | 'all';

function outcomesOf(filter: Filter): PlanOutcome[] | undefined {
  if (filter === 'all') return undefined;
  return filter === 'doing' ? DOING : [filter];
}

function rowWords(row: PlanRow): string {
  if (row.outcome === 'fail') return `${row.errorCode ?? ''} ${row.message ?? ''}`.trim();
  const parts: string[] = [];
  if (row.fields && row.fields.length > 0) parts.push(row.fields.join(', '));
  if (row.keysKept) parts.push('keys kept from the registry');
  if (row.keysRotated) parts.push('NEW KEYS: the hub regenerates them');
  if (!row.sent) parts.push('left out of the job');
  return parts.join('; ');
}

const COLUMNS: readonly PageColumn<PlanRow>[] = [
  { header: 'Line', cell: (row) => row.line },
  {
    header: 'Device',
    cell: (row) => (row.moduleId ? `${row.id}/${row.moduleId}` : row.id),
    wrapAnywhere: true,
  },
  { header: 'Outcome', cell: (row) => OUTCOME_WORDS[row.outcome] },
  { header: 'What changes', cell: rowWords, wrapAnywhere: true },
];

export function PlanRowsTable({ plan }: { plan: RegistryPlan }) {
  const [filter, setFilter] = useState<Filter>('doing');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; rows: PlanRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setOffset(0), [filter, plan]);
  useEffect(() => {
    let live = true;
    const outcomes = outcomesOf(filter);
    plan
      .pageRows({ offset, limit: PAGE, ...(outcomes ? { outcomes } : {}) })
      .then((next) => {
        if (live) {
          setPage(next);
          setError(null);
        }
      })
      .catch((reason: unknown) => {
        if (live) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      live = false;
    };
  }, [plan, filter, offset]);

  const total = page?.total ?? 0;
  return (
    <Stack spacing={1}>
      <TextField
        select
        size="small"
        label="Show rows"
        value={filter}
        onChange={(event) => setFilter(event.target.value as Filter)}
        sx={{ maxWidth: 260 }}
      >
        <MenuItem value="doing">That do something</MenuItem>
        {(Object.keys(OUTCOME_WORDS) as PlanOutcome[]).map((outcome) => (
          <MenuItem key={outcome} value={outcome}>
            {OUTCOME_WORDS[outcome]}
          </MenuItem>
        ))}
        <MenuItem value="all">All rows</MenuItem>
      </TextField>
      {error !== null && <Alert severity="error">The plan’s rows could not be read: {error}</Alert>}
      {page !== null && page.rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No rows of this kind.
        </Typography>
      )}
      {page !== null && page.rows.length > 0 && (
        <PageOfRowsTable
          label="Planned changes"
          columns={COLUMNS}
          rows={page.rows}
          rowKey={(row) => String(row.line)}
          maxHeight={360}
        />
      )}
      {total > PAGE && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            size="small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </Button>
          <Typography variant="body2">
            Rows {formatCount(offset + 1)}–{formatCount(Math.min(offset + PAGE, total))} of{' '}
            {formatCount(total)}
          </Typography>
          <Button
            size="small"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next
          </Button>
        </Box>
      )}
    </Stack>
  );
}
