import {
  Alert,
  Button,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { plural } from '../../../lib/format';
import { useCurrentHub } from '../../../lib/hubs/current-hub';
import { hubPageUrl } from '../../../lib/hubs/hub-urls';
import {
  createDeleteAll,
  deleteConfigurations,
  getDeleteAll,
  getHubJob,
  listHubs,
  startBackupExport,
  startDeleteAll,
} from '../api/delete-all-api';

// /delete-all (docs/bulk-flows.md, "Delete all devices and configurations"): a backup export
// with keys and configurations first, then the import the proxy writes from it, shown with its
// counts and started only once the hub's name is typed; the configurations go after the job. The
// job's backup and Restore (its undo file) bring everything back. The state is in the URL and
// the proxy's records, so the page can be reopened at any step.

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const poll = (job: Job | undefined) => (job && TERMINAL.has(job.status) ? false : 2_000);

export function DeleteAllPage() {
  const [params, setParams] = useSearchParams();
  const [phrase, setPhrase] = useState('');
  const hubs = useQuery({ queryKey: ['hubs'], queryFn: ({ signal }) => listHubs(signal) });
  const adminHubs = (hubs.data?.hubs ?? []).filter((hub) => hub.role === 'admin');
  const current = useCurrentHub();
  const hubId = params.get('hub') ?? current.id;
  const hub = adminHubs.find((h) => h.id === hubId);
  const exportId = params.get('export');
  const operationId = params.get('operation');
  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next))
      if (value === null) merged.delete(name);
      else merged.set(name, value);
    setParams(merged);
  };
  const backup = useQuery({
    queryKey: ['delete-all', 'backup', hubId, exportId],
    queryFn: ({ signal }) => getHubJob(hubId, exportId ?? '', signal),
    enabled: exportId !== null,
    refetchInterval: (query) => poll(query.state.data),
  });
  const record = useQuery({
    queryKey: ['delete-all', 'record', hubId, operationId],
    queryFn: ({ signal }) => getDeleteAll(hubId, operationId ?? '', signal),
    enabled: operationId !== null,
  });
  const job = useQuery({
    queryKey: ['delete-all', 'job', hubId, record.data?.jobId],
    queryFn: ({ signal }) => getHubJob(hubId, record.data?.jobId ?? '', signal),
    enabled: Boolean(record.data?.jobId),
    refetchInterval: (query) => poll(query.state.data),
  });
  const exportMutation = useMutation({
    mutationFn: () => startBackupExport(hubId),
    onSuccess: (started) => update({ export: started.job.operationId, operation: null }),
  });
  const writeMutation = useMutation({
    mutationFn: () => createDeleteAll(hubId, exportId ?? ''),
    onSuccess: (created) => update({ operation: created.operationId }),
  });
  const startMutation = useMutation({
    mutationFn: () => startDeleteAll(hubId, operationId ?? ''),
    onSuccess: () => void record.refetch(),
  });
  const configurationsMutation = useMutation({
    mutationFn: () => deleteConfigurations(hubId, operationId ?? ''),
    onSuccess: () => void record.refetch(),
  });

  if (hubs.isPending) return <LoadingBlock label="Loading your hubs..." />;
  if (hubs.error) return <ErrorPanel error={hubs.error} context="Loading your hubs" />;
  if (!hub)
    return <Alert severity="info">Deleting all devices needs the Admin role on the hub.</Alert>;
  const d = record.data;
  const errors = [backup.error, record.error, job.error].concat(
    [exportMutation, writeMutation, startMutation, configurationsMutation].map((m) => m.error),
  );
  return (
    <>
      <PageHeader
        title={`Delete all devices and configurations of ${hub.displayName} (${hub.hostName})`}
        subtitle="A backup export with keys comes first; nothing is deleted before you have seen the counts and typed the hub's name."
      />
      <Stack spacing={3} sx={{ maxWidth: 720 }}>
        <TextField
          select
          label="Hub"
          value={hubId}
          disabled={exportId !== null}
          onChange={(event) => update({ hub: event.target.value })}
        >
          {adminHubs.map((h) => (
            <MenuItem key={h.id} value={h.id}>
              {h.displayName} ({h.hostName})
            </MenuItem>
          ))}
        </TextField>
        {exportId === null ? (
          <Button variant="contained" onClick={() => exportMutation.mutate()}>
            Export the backup with keys and configurations
          </Button>
        ) : (
          <section aria-label="Backup">
            <Typography sx={{ fontWeight: 600 }}>Backup: {backup.data?.status ?? '…'}</Typography>
            <LinearProgress
              variant="determinate"
              value={backup.data?.progress ?? 0}
              aria-label="Backup progress"
            />
          </section>
        )}
        {backup.data?.status === 'completed' && operationId === null && (
          <Button variant="contained" onClick={() => writeMutation.mutate()}>
            Prepare the delete
          </Button>
        )}
        {d && (
          <Alert severity="warning" data-testid="delete-all-counts">
            {plural(d.devices, 'device', 'devices')} (and their{' '}
            {plural(d.modules, 'module', 'modules')}) and{' '}
            {plural(d.configurationIds.length, 'configuration', 'configurations')} of{' '}
            {hub.displayName} will be deleted. The backup is the export {d.exportOperationId};
            Restore on the job page brings the devices back with their keys.
          </Alert>
        )}
        {d && !d.jobId && (
          <Stack spacing={1}>
            <TextField
              label="Type the hub's name to confirm"
              value={phrase}
              onChange={(event) => setPhrase(event.target.value)}
              size="small"
            />
            <Button
              variant="contained"
              color="error"
              disabled={phrase.trim() !== hub.displayName || startMutation.isPending}
              onClick={() => startMutation.mutate()}
            >
              Delete all devices of {hub.displayName}
            </Button>
          </Stack>
        )}
        {d?.jobId && (
          <Typography>
            Job {job.data?.status ?? '…'}:{' '}
            {/* The job's own hub, which may not be the page's: the job page and its Restore. */}
            <a href={hubPageUrl(hubId, `/jobs/${encodeURIComponent(d.jobId)}`)}>
              open the job page
            </a>
          </Typography>
        )}
        {job.data?.status === 'completed' && d && !d.configurations && (
          <Button variant="contained" onClick={() => configurationsMutation.mutate()}>
            Delete the {plural(d.configurationIds.length, 'configuration', 'configurations')}
          </Button>
        )}
        {d?.configurations && (
          <Alert severity="success" data-testid="delete-all-configurations">
            {plural(d.configurations.deleted, 'configuration', 'configurations')} deleted
            {d.configurations.absent ? `, ${d.configurations.absent} already gone` : ''}.
          </Alert>
        )}
        {errors.map((error, index) => error && <ErrorPanel key={index} error={error} />)}
      </Stack>
    </>
  );
}
