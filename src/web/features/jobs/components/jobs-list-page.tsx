import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { TablePagination, Typography } from '@mui/material';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { formatCount } from '../../../lib/format';
import { useJobs } from '../api/get-jobs';
import {
  filterJobs,
  filtersFromParams,
  filtersToParams,
  type JobFilters,
} from '../model/filter-jobs';
import { JobsFilterBar } from './jobs-filter-bar';
import { JobsTable } from './jobs-table';

const ROWS_PER_PAGE = [25, 50, 100];

export function JobsListPage() {
  const jobs = useJobs();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);
  const shown = useMemo(
    () => (jobs.data ? filterJobs(jobs.data.jobs, filters) : []),
    [jobs.data, filters],
  );
  const setFilters = (next: JobFilters) => {
    setParams(filtersToParams(next), { replace: true });
    setPage(0);
  };
  const pageStart =
    Math.min(page, Math.max(0, Math.ceil(shown.length / rowsPerPage) - 1)) * rowsPerPage;
  return (
    <>
      <PageHeader title="Jobs" subtitle="Imports and exports of this console, newest first." />
      {jobs.isPending && <LoadingBlock label="Loading jobs..." />}
      {jobs.isError && (
        <ErrorPanel error={jobs.error} context="Loading jobs" onRetry={() => void jobs.refetch()} />
      )}
      {jobs.data && jobs.data.jobs.length === 0 && (
        <Typography>No operations yet. Imports and exports you start appear here.</Typography>
      )}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <>
          <JobsFilterBar filters={filters} onChange={setFilters} />
          <Typography variant="body2" color="text.secondary" role="status" sx={{ mb: 1 }}>
            {shown.length === jobs.data.jobs.length
              ? `${formatCount(shown.length)} operations`
              : `${formatCount(shown.length)} of ${formatCount(jobs.data.jobs.length)} operations match the filters`}
          </Typography>
          {shown.length > 0 && (
            <>
              <JobsTable jobs={shown.slice(pageStart, pageStart + rowsPerPage)} />
              <TablePagination
                component="div"
                count={shown.length}
                page={pageStart / rowsPerPage}
                rowsPerPage={rowsPerPage}
                rowsPerPageOptions={ROWS_PER_PAGE}
                onPageChange={(_event, next) => setPage(next)}
                onRowsPerPageChange={(event) => {
                  setRowsPerPage(Number(event.target.value));
                  setPage(0);
                }}
              />
            </>
          )}
        </>
      )}
      {jobs.data?.more && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing the latest {formatCount(jobs.data.jobs.length)} operations; older ones are kept
          but not listed here.
        </Typography>
      )}
    </>
  );
}
