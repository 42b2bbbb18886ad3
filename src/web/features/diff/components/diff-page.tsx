import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Button, Stack, Typography } from '@mui/material';
import type { DeviceChange } from '../../../../core/diff';
import { ErrorPanel } from '../../../components/error-panel';
import { PageHeader } from '../../../components/page-header';
import { ListWithDetail } from '../../../components/list-with-detail';
import { useIsAdmin } from '../../../lib/current-user';
import { exportNameOf } from '../../../lib/export-name';
import { useExportJobOnce } from '../../../lib/use-export-job';
import type { DiffDone } from '../../../workers/diff/diff-client';
import { formatCount, plural } from '../../../lib/format';
import { useRegistryDiff } from '../api/use-registry-diff';
import type { DiffSource } from '../api/use-registry-diff';
import { readDiffParams, writeDiffParams } from '../model/diff-params';
import { changeKey, fieldChoices, filterChanges, NO_CHANGE_FILTER } from '../model/filter-changes';
import type { ChangeFilter } from '../model/filter-changes';
import { ChangeFilters } from './change-filters';
import { ChangesTable } from './changes-table';
import { DiffActions } from './diff-actions';
import { DiffInputs } from './diff-inputs';
import { DiffNotices } from './diff-notices';
import { DiffProgress } from './diff-progress';
import { DiffSummary } from './diff-summary';
import { SideBySide } from './side-by-side';

export function DiffPage() {
  const [search, setSearch] = useSearchParams();
  const params = readDiffParams(search);
  const isAdmin = useIsAdmin();
  const [fileB, setFileB] = useState<File | null>(null);
  const [filter, setFilter] = useState<ChangeFilter>(NO_CHANGE_FILTER);
  // A selection belongs to one diff result: a re-run (new options, new B) starts without one.
  const [picked, setPicked] = useState<{ of: DiffDone; change: DeviceChange } | null>(null);
  const bRef = params.b;
  const jobA = useExportJobOnce(params.a);
  const jobB = useExportJobOnce(params.b);
  const source = useMemo<DiffSource | null>(
    () => (fileB ? { kind: 'file', file: fileB } : bRef ? { kind: 'export', ref: bRef } : null),
    [fileB, bRef],
  );
  const run = useRegistryDiff(params.a, source, params);
  const changes = run.result?.changes;
  const visible = useMemo(() => filterChanges(changes ?? [], filter), [changes, filter]);
  const fields = useMemo(() => fieldChoices(changes ?? []), [changes]);
  const selected = picked !== null && picked.of === run.result ? picked.change : null;
  const setSelected = (change: DeviceChange | null) =>
    setPicked(change && run.result ? { of: run.result, change } : null);
  const stem = `${params.a ?? 'a'}-vs-${fileB ? 'file' : (params.b ?? 'b')}`;

  return (
    <>
      <PageHeader
        title="Compare exports"
        subtitle="What changed from A (before) to B (after), keyed by device id and module id."
        actions={
          <Button component={RouterLink} to="/exports">
            All exports
          </Button>
        }
      />
      <Stack spacing={2}>
        <DiffInputs
          a={params.a}
          b={params.b}
          nameA={jobA.data ? exportNameOf(jobA.data) : null}
          nameB={jobB.data ? exportNameOf(jobB.data) : null}
          fileB={fileB}
          onFileB={(file) => {
            setSelected(null);
            setFileB(file);
          }}
          includeVersionFields={params.includeVersionFields}
          includeReported={params.includeReported}
          onOptions={(options) =>
            setSearch(writeDiffParams({ ...params, ...options }), { replace: true })
          }
        />
        {params.a === null && (
          <Alert severity="info">
            Choose A and B on the <RouterLink to="/exports">Exports</RouterLink> page (Compare), or
            open a link of the form /diff?a=…&amp;b=….
          </Alert>
        )}
        {params.a !== null && source === null && (
          <Alert severity="info">
            Choose B: a second export from the Exports page, or a device list file above.
          </Alert>
        )}
        {run.error !== null && (
          <ErrorPanel error={run.error} context="Comparing" onRetry={run.retry} />
        )}
        {run.running && run.error === null && <DiffProgress a={run.a} b={run.b} />}
        {run.result && (
          <>
            <DiffSummary summary={run.result.summary} />
            <DiffNotices
              result={run.result}
              keysMasked={run.keysMasked}
              converted={run.converted}
            />
            <DiffActions
              client={run.client}
              fileStem={stem}
              canPlan={isAdmin && !run.keysMasked}
              nothingToDo={run.result.changes.length === 0}
            />
            <ChangeFilters filter={filter} onChange={setFilter} fields={fields} />
            <Typography variant="body2" aria-live="polite">
              {formatCount(visible.length)} of{' '}
              {plural(run.result.changes.length, 'change', 'changes')} shown
            </Typography>
            <ListWithDetail
              wideColumns="minmax(0, 1fr) minmax(360px, 1fr)"
              list={
                <ChangesTable
                  changes={visible}
                  selected={selected ? changeKey(selected) : null}
                  onSelect={setSelected}
                  noChangesAtAll={run.result.changes.length === 0}
                />
              }
              detail={
                selected && (
                  <SideBySide
                    client={run.client}
                    change={selected}
                    keysMasked={run.keysMasked}
                    onClose={() => setSelected(null)}
                  />
                )
              }
            />
          </>
        )}
      </Stack>
    </>
  );
}
