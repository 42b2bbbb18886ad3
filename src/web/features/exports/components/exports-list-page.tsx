import { useState } from 'react';
import { Stack, Typography } from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { useExportJobs } from '../api/get-export-jobs';
import { runningExportRef, toExportRows } from '../model/export-rows';
import { PastExportsTable } from './past-exports-table';
import { RunningExportPanel } from './running-export-panel';
import { StartExportPanel } from './start-export-panel';

export function ExportsListPage() {
  const jobs = useExportJobs();
  const [justStarted, setJustStarted] = useState<string | null>(null);
  const rows = toExportRows(jobs.data ?? []);
  const running = runningExportRef(rows, justStarted);

  return (
    <>
      <PageHeader
        title="Exports"
        subtitle="Snapshots of the registry: start one, browse it, or compare two."
      />
      <Stack spacing={3}>
        <StartExportPanel onStarted={setJustStarted} />
        {running !== null && <RunningExportPanel key={running} jobRef={running} />}
        {jobs.isPending && <LoadingBlock label="Loading past exports..." />}
        {jobs.isError && (
          <ErrorPanel
            error={jobs.error}
            context="Loading past exports"
            onRetry={() => void jobs.refetch()}
          />
        )}
        {jobs.data && rows.length === 0 && (
          <Typography>No exports yet. Start one above; it appears here with its status.</Typography>
        )}
        {rows.length > 0 && <PastExportsTable rows={rows} />}
      </Stack>
    </>
  );
}
