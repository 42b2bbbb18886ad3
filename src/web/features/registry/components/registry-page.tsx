import { useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { exportNameOf } from '../../../lib/export-name';
import { formatCount, plural } from '../../../lib/format';
import { useExportJobOnce } from '../../../lib/use-export-job';
import { hubNameOf, useHubInfo } from '../../../lib/use-hub-info';
import { EMPTY_FILTER, isFiltering } from '../../../workers/registry/registry-filter';
import type { RegistryFilter } from '../../../workers/registry/registry-filter';
import type { RegistryRow } from '../../../workers/registry/summarize-device';
import { useRegistryStream } from '../api/stream-registry';
import { useRegistryQuery } from '../api/use-registry-query';
import { DeviceDetailPanel } from './device-detail-panel';
import { HubSelectionPanel } from './hub-selection-panel';
import { RegistryDownloads } from './registry-downloads';
import { RegistryFilters } from './registry-filters';
import { RegistryLoadProgress } from './registry-load-progress';
import { RegistryTable } from './registry-table';
import { SelectionActionMenu } from './selection-action-menu';
import { emptyTableText, recordCountWords } from '../model/registry-load-state';
import type { TableState } from '../model/registry-load-state';
import { snapshotHeading, snapshotSubtitle } from '../model/snapshot-heading';
import { useDebouncedValue } from './use-debounced-value';

// Typing in the search box re-filters a million records in the worker: wait for a pause first.
const FILTER_DEBOUNCE_MS = 200;

export function RegistryPage() {
  const { exportId = '' } = useParams();
  // A new export id starts from scratch: filters and the selected record belong to one export.
  return <RegistryView key={exportId} exportId={exportId} />;
}

function RegistryView({ exportId }: { exportId: string }) {
  const stream = useRegistryStream(exportId);
  const isAdmin = useIsAdmin();
  const [filter, setFilter] = useState<RegistryFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<RegistryRow | null>(null);
  const [hubSelection, setHubSelection] = useState<RegistryFilter['hubSelection']>(undefined);
  const debounced = useDebouncedValue(filter, FILTER_DEBOUNCE_MS);
  // The hub's answer applies at once: only typing is worth waiting for.
  const applied = useMemo(
    () => (hubSelection ? { ...debounced, hubSelection } : debounced),
    [debounced, hubSelection],
  );
  const query = useRegistryQuery(stream.client, applied, stream.records);
  const { done } = stream;
  const filtering = isFiltering(query.applied);
  const errors = done?.issues.filter((issue) => issue.severity === 'error') ?? [];
  const job = useExportJobOnce(exportId);
  const hub = useHubInfo();
  const name = job.data ? exportNameOf(job.data) : null;
  const hubName = hub.data ? hubNameOf(hub.data.hostName) : null;
  const table: TableState = {
    loaded: done !== null,
    failed: stream.error !== null,
    filtering,
    answeredRecords: query.records,
    readRecords: stream.records,
  };

  return (
    <>
      <PageHeader
        title={snapshotHeading(hubName, name)}
        subtitle={
          <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
            {snapshotSubtitle(name, exportId)}
            {done ? ` · ${plural(done.records, 'device or module', 'devices and modules')}` : ''}
          </Box>
        }
        actions={
          <>
            <Button component={RouterLink} to="/exports">
              All exports
            </Button>
            <RegistryDownloads
              exportId={exportId}
              client={stream.client}
              queryId={filtering ? (query.queryId ?? undefined) : undefined}
              disabled={done === null}
            />
          </>
        }
      />
      <Stack spacing={2}>
        {stream.error !== null && (
          <ErrorPanel
            error={stream.error}
            context="Loading the export"
            onRetry={() => {
              setSelected(null);
              stream.retry();
            }}
          />
        )}
        {done === null && stream.error === null && (
          <RegistryLoadProgress progress={stream.progress} records={stream.records} />
        )}
        {errors.length > 0 && (
          <Alert severity="warning">
            {formatCount(errors.length)} line(s) of the file could not be read and are not shown
            (first: {errors[0]?.message}).
          </Alert>
        )}
        {query.error !== null && stream.error === null && (
          <Alert severity="error">The worker could not answer: {query.error}</Alert>
        )}
        <Typography variant="body2" color="text.secondary">
          {stream.keysMaskedByServer || !isAdmin
            ? 'Keys are masked. Your role cannot reveal them.'
            : 'Keys are masked; as an admin you can reveal one key at a time in the details.'}
        </Typography>
        {isAdmin && !stream.keysMaskedByServer && (
          <HubSelectionPanel selection={hubSelection} onChange={setHubSelection} />
        )}
        <RegistryFilters
          filter={filter}
          onChange={setFilter}
          statuses={query.statuses}
          authTypes={query.authTypes}
        />
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}
        >
          <Typography variant="body2" aria-live="polite">
            {recordCountWords(table, query.matches)}
          </Typography>
          {isAdmin && !stream.keysMaskedByServer && (
            <SelectionActionMenu
              client={stream.client}
              queryId={filtering ? (query.queryId ?? undefined) : undefined}
              filter={query.applied}
              matches={query.matches}
              snapshot={snapshotSubtitle(name, exportId)}
              fileStem={name?.shortId ?? exportId}
              disabled={done === null || query.queryId === null}
            />
          )}
        </Stack>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: {
              xs: '1fr',
              lg: selected ? 'minmax(0, 3fr) minmax(320px, 2fr)' : '1fr',
            },
          }}
        >
          <RegistryTable
            count={query.matches}
            rowAt={query.rowAt}
            onRange={query.showRange}
            selected={selected?.index ?? null}
            onSelect={setSelected}
            emptyText={emptyTableText(table)}
          />
          {selected && (
            <DeviceDetailPanel
              exportId={exportId}
              client={stream.client}
              row={selected}
              canRevealKeys={isAdmin && !stream.keysMaskedByServer}
              onClose={() => setSelected(null)}
            />
          )}
        </Box>
      </Stack>
    </>
  );
}
