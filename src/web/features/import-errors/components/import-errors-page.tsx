import { useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { CountFilterSelect } from '../../../components/count-filter-select';
import { ErrorPanel } from '../../../components/error-panel';
import { PageHeader } from '../../../components/page-header';
import { useIsAdmin } from '../../../lib/current-user';
import { isApiError } from '../../../lib/api-error';
import { plural } from '../../../lib/format';
import { useJob } from '../api/get-job';
import { useErrorLog } from '../api/stream-error-log';
import { useSourceRows } from '../api/stream-source-rows';
import { countByCode, filterErrorRows } from '../model/error-rows';
import { ErrorActions } from './error-actions';
import { ErrorCodeChart } from './error-code-chart';
import { ErrorsTable } from './errors-table';
import { StreamProgress } from './stream-progress';

export function ImportErrorsPage() {
  const { jobId = '' } = useParams();
  const isAdmin = useIsAdmin();
  const job = useJob(jobId);
  const log = useErrorLog(jobId);
  const entries = log.data?.entries;
  const wanted = log.data?.deviceIds ?? null;
  const sources = useSourceRows(jobId, wanted);
  const [code, setCode] = useState('');
  const [search, setSearch] = useState('');

  const counts = useMemo(() => countByCode(entries ?? []), [entries]);
  const shown = useMemo(
    () => filterErrorRows(entries ?? [], code, search),
    [entries, code, search],
  );

  return (
    <>
      <PageHeader
        title="Import errors"
        subtitle={
          <>
            Job <code>{jobId}</code>
            {job.data?.fileName ? ` · ${job.data.fileName}` : ''}
            {job.data?.rowCounts
              ? ` · ${plural(job.data.rowCounts.valid, 'row', 'rows')} sent`
              : ''}
          </>
        }
        actions={
          <Button component={RouterLink} to={`/jobs/${encodeURIComponent(jobId)}`}>
            Back to the job
          </Button>
        }
      />
      <Stack spacing={2}>
        {log.isPending && <StreamProgress label="Reading the error log" progress={log.progress} />}
        {log.isError && isApiError(log.error) && log.error.code === 'NOT_FOUND' ? (
          <Alert severity="info">
            The hub has not written an error log for this job
            {job.data && job.data.status !== 'completed'
              ? ' yet: it writes one when the job ends'
              : ''}
            .
            {job.data?.status === 'completed'
              ? ' The job completed, so no row failed.'
              : ' Open this page again when the job has finished.'}
          </Alert>
        ) : (
          log.isError && (
            <ErrorPanel
              error={log.error}
              context="Reading the error log"
              onRetry={() => void log.refetch()}
            />
          )
        )}
        {entries && entries.length === 0 && (
          <Alert severity="success">
            The hub reported no errors: every row of this import was applied.
          </Alert>
        )}
        {entries && entries.length > 0 && (
          <>
            <Alert severity="warning">
              {plural(entries.length, 'row was', 'rows were')} not applied by the hub. Each is
              listed with what it means and what to do.
            </Alert>
            <ErrorCodeChart counts={counts} selected={code} onSelect={setCode} />
            {sources.isFetching && (
              <StreamProgress
                label="Matching errors to rows of the uploaded file"
                progress={sources.progress}
              />
            )}
            {sources.isError && (
              <ErrorPanel
                error={sources.error}
                context="Reading the uploaded file (the Source row column stays empty)"
                onRetry={() => void sources.refetch()}
              />
            )}
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
              <CountFilterSelect
                label="Filter by code"
                allWords="All codes"
                total={entries.length}
                options={counts.map((entry) => ({
                  value: entry.key,
                  words: `${entry.code ?? '—'} ${entry.name}`,
                  count: entry.count,
                }))}
                value={code}
                onChange={setCode}
                minWidth={260}
              />
              <TextField
                size="small"
                label="Search by device id"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                sx={{ minWidth: 260 }}
                type="search"
              />
            </Stack>
            <ErrorActions
              jobId={jobId}
              rows={shown}
              sources={sources.data?.rows}
              layout={sources.data?.layout ?? null}
              isAdmin={isAdmin}
            />
            <ErrorsTable rows={shown} sources={sources.data?.rows} />
          </>
        )}
      </Stack>
    </>
  );
}
