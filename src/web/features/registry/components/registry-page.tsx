import { useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { formatCount } from '../../../lib/format';
import { useRegistryStream } from '../api/stream-registry';
import { distinctFilterValues, EMPTY_FILTER, filterRegistryRows, isFiltering } from '../model/filter-registry-rows';
import type { RegistryFilter } from '../model/filter-registry-rows';
import { DeviceDetailPanel } from './device-detail-panel';
import { RegistryDownloads } from './registry-downloads';
import { RegistryFilters } from './registry-filters';
import { RegistryLoadProgress } from './registry-load-progress';
import { RegistryTable } from './registry-table';

export function RegistryPage() {
  const { exportId = '' } = useParams();
  // A new export id starts from scratch: filters and the selected record belong to one export.
  return <RegistryView key={exportId} exportId={exportId} />;
}

function RegistryView({ exportId }: { exportId: string }) {
  const stream = useRegistryStream(exportId);
  const isAdmin = useIsAdmin();
  const [filter, setFilter] = useState<RegistryFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<number | null>(null);
  const { rows, version, done } = stream;

  // `rows` is one array that grows in place; `version` says when it did.
  const visible = useMemo(() => filterRegistryRows(rows, filter), [rows, version, filter]); // eslint-disable-line react-hooks/exhaustive-deps
  const values = useMemo(() => (done ? distinctFilterValues(rows) : { statuses: [], authTypes: [] }), [rows, done]);
  const selectedRow = selected === null ? undefined : rows[selected];
  const errors = done?.issues.filter((issue) => issue.severity === 'error') ?? [];

  return (
    <>
      <PageHeader
        title="Registry browser"
        subtitle={
          <>
            Export <code>{exportId}</code>
            {done ? ` · ${formatCount(done.records)} devices and modules` : ''}
          </>
        }
        actions={
          <>
            <Button component={RouterLink} to="/exports">
              All exports
            </Button>
            <RegistryDownloads exportId={exportId} client={stream.client} rows={visible} filtered={isFiltering(filter)} disabled={done === null} />
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
        {done === null && stream.error === null && <RegistryLoadProgress progress={stream.progress} records={rows.length} />}
        {errors.length > 0 && (
          <Alert severity="warning">
            {formatCount(errors.length)} line(s) of the file could not be read and are not shown (first: {errors[0]?.message}).
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary">
          {stream.keysMaskedByServer || !isAdmin
            ? 'Keys are masked. Your role cannot reveal them.'
            : 'Keys are masked; as an admin you can reveal one key at a time in the details.'}
        </Typography>
        <RegistryFilters filter={filter} onChange={setFilter} statuses={values.statuses} authTypes={values.authTypes} />
        <Typography variant="body2" aria-live="polite">
          {isFiltering(filter) ? `${formatCount(visible.length)} of ${formatCount(rows.length)} records match` : `${formatCount(rows.length)} records`}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: selectedRow ? 'minmax(0, 3fr) minmax(320px, 2fr)' : '1fr' } }}>
          <RegistryTable rows={visible} selected={selected} onSelect={(row) => setSelected(row.index)} />
          {selectedRow && (
            <DeviceDetailPanel
              exportId={exportId}
              client={stream.client}
              row={selectedRow}
              canRevealKeys={isAdmin && !stream.keysMaskedByServer}
              onClose={() => setSelected(null)}
            />
          )}
        </Box>
      </Stack>
    </>
  );
}
