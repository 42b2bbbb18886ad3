import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Select,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CopyMode, CopyResponse, Job } from '../../../../contracts/api';
import { ErrorPanel } from '../../../components/error-panel';
import { LoadingBlock } from '../../../components/loading-block';
import { PageHeader } from '../../../components/page-header';
import { plural } from '../../../lib/format';
import { useCurrentHub } from '../../../lib/hubs/current-hub';
import { hubPageUrl } from '../../../lib/hubs/hub-urls';
import {
  createCopy,
  getCopy,
  getHubJob,
  listHubs,
  startCopyImport,
  startSourceExport,
  verifyCopy,
} from '../api/copy-api';
import { copySteps } from '../model/copy-steps';
import { CopyStepsList } from './copy-steps-list';

// /copy: one hub into another (docs/bulk-flows.md, "Copy a hub into another", in the console).
// Everything the page knows is in its URL (source, target, mode, the source's export, the copy)
// and in the proxy's records, so reopening the link shows the copy where it stands. Keys never
// reach the page: the proxy rewrites the export into the target's import blob to blob.

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const pollWhileRunning = (job: Job | undefined) =>
  job && TERMINAL.has(job.status) ? false : 2_000;

export function CopyPage() {
  const [params, setParams] = useSearchParams();
  const hubs = useQuery({ queryKey: ['hubs'], queryFn: ({ signal }) => listHubs(signal) });
  const adminHubs = (hubs.data?.hubs ?? []).filter((hub) => hub.role === 'admin');
  const current = useCurrentHub();
  const source =
    params.get('source') ??
    (adminHubs.some((hub) => hub.id === current.id) ? current.id : (adminHubs[0]?.id ?? ''));
  const target = params.get('target') ?? adminHubs.find((hub) => hub.id !== source)?.id ?? '';
  const mode: CopyMode = params.get('mode') === 'createOrUpdate' ? 'createOrUpdate' : 'create';
  const exportId = params.get('export');
  const copyId = params.get('copy');
  const nameOf = (id: string) => adminHubs.find((hub) => hub.id === id)?.displayName ?? id;
  const update = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next))
      if (value === null) merged.delete(name);
      else merged.set(name, value);
    setParams(merged);
  };

  const exportJob = useQuery({
    queryKey: ['copy', 'export', source, exportId],
    queryFn: ({ signal }) => getHubJob(source, exportId ?? '', signal),
    enabled: exportId !== null,
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });
  const copy = useQuery({
    queryKey: ['copy', 'copy', target, copyId],
    // A verification moves on only when asked again (POST .../verify), so while the target's
    // export runs the poll is that call; otherwise a plain read.
    queryFn: async ({ signal }) => {
      const read = await getCopy(target, copyId ?? '', signal);
      return read.verification?.state === 'exporting' ? verifyCopy(target, read.operationId) : read;
    },
    enabled: copyId !== null,
    refetchInterval: (query) =>
      query.state.data?.verification?.state === 'exporting' ? 2_000 : false,
  });
  const importJob = useQuery({
    queryKey: ['copy', 'import', target, copy.data?.jobId],
    queryFn: ({ signal }) => getHubJob(target, copy.data?.jobId ?? '', signal),
    enabled: Boolean(copy.data?.jobId),
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });

  const startExport = useMutation({
    mutationFn: () => startSourceExport(source),
    onSuccess: (started) => update({ export: started.job.operationId, copy: null }),
  });
  const rewrite = useMutation({
    mutationFn: () =>
      createCopy(target, { sourceHubId: source, sourceExportOperationId: exportId ?? '', mode }),
    onSuccess: (created) => update({ copy: created.operationId }),
  });
  const startImport = useMutation({
    mutationFn: () => startCopyImport(target, copyId ?? ''),
    onSuccess: () => void copy.refetch(),
  });
  const verify = useMutation({
    mutationFn: () => verifyCopy(target, copyId ?? ''),
    onSuccess: () => void copy.refetch(),
  });

  if (hubs.isPending) return <LoadingBlock label="Loading your hubs..." />;
  if (hubs.error) return <ErrorPanel error={hubs.error} context="Loading your hubs" />;
  const steps = copySteps({
    exportJob: exportJob.data,
    copy: copy.data,
    importJob: importJob.data,
  });
  const started = exportId !== null;
  return (
    <>
      <PageHeader
        title="Copy a hub into another"
        subtitle="Exports the source with keys and configurations, rewrites it in the console's server for the target, imports it after your confirmation, then compares the target with the source."
      />
      {adminHubs.length < 2 ? (
        <Alert severity="info">
          A copy needs the Admin role on two hubs; your account is an admin of{' '}
          {adminHubs.length === 0 ? 'none' : 'one'}.
        </Alert>
      ) : (
        <Stack spacing={3} sx={{ maxWidth: 720 }}>
          <Stack direction="row" spacing={2}>
            <HubSelect
              label="Source hub"
              value={source}
              hubs={adminHubs}
              disabled={started}
              onChange={(id) => update({ source: id })}
            />
            <HubSelect
              label="Target hub"
              value={target}
              hubs={adminHubs.filter((hub) => hub.id !== source)}
              disabled={started}
              onChange={(id) => update({ target: id })}
            />
          </Stack>
          <RadioGroup
            row
            value={mode}
            onChange={(event) => update({ mode: event.target.value })}
            aria-label="Mode"
          >
            <FormControlLabel
              value="create"
              control={<Radio />}
              label="Create (first run: devices already on the target are left as they are)"
              disabled={started}
            />
            <FormControlLabel
              value="createOrUpdate"
              control={<Radio />}
              label="Create or update (a re-run after a partial failure)"
              disabled={started}
            />
          </RadioGroup>
          <CopyStepsList steps={steps} />
          <NextAction
            started={started}
            exportJob={exportJob.data}
            copy={copy.data}
            importJob={importJob.data}
            targetName={nameOf(target)}
            onExport={() => startExport.mutate()}
            onRewrite={() => rewrite.mutate()}
            onImport={() => startImport.mutate()}
            onVerify={() => verify.mutate()}
            busy={
              startExport.isPending ||
              rewrite.isPending ||
              startImport.isPending ||
              verify.isPending
            }
          />
          {copy.data && <CopyResult copy={copy.data} />}
          {[startExport, rewrite, startImport, verify].map(
            (m, index) => m.error && <ErrorPanel key={index} error={m.error} />,
          )}
          {[exportJob, copy, importJob].map(
            (q, index) => q.error && <ErrorPanel key={`q${index}`} error={q.error} />,
          )}
          {started && (
            <Button
              variant="text"
              onClick={() => update({ export: null, copy: null })}
              sx={{ alignSelf: 'flex-start' }}
            >
              Start another copy
            </Button>
          )}
        </Stack>
      )}
    </>
  );
}

function HubSelect(props: {
  label: string;
  value: string;
  hubs: readonly { id: string; displayName: string; hostName: string }[];
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  const id = `copy-${props.label.toLowerCase().replace(/\s/g, '-')}`;
  return (
    <FormControl fullWidth>
      <InputLabel id={id}>{props.label}</InputLabel>
      <Select
        labelId={id}
        label={props.label}
        value={props.hubs.some((hub) => hub.id === props.value) ? props.value : ''}
        disabled={props.disabled}
        onChange={(event) => props.onChange(String(event.target.value))}
      >
        {props.hubs.map((hub) => (
          <MenuItem key={hub.id} value={hub.id}>
            {hub.displayName} ({hub.hostName})
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

function NextAction(props: {
  started: boolean;
  exportJob: Job | undefined;
  copy: CopyResponse | undefined;
  importJob: Job | undefined;
  targetName: string;
  busy: boolean;
  onExport: () => void;
  onRewrite: () => void;
  onImport: () => void;
  onVerify: () => void;
}) {
  const [phrase, setPhrase] = useState('');
  const { copy, exportJob, importJob } = props;
  if (!props.started)
    return (
      <Button variant="contained" disabled={props.busy} onClick={props.onExport}>
        Export the source with keys
      </Button>
    );
  if (exportJob?.status !== 'completed') return null;
  if (!copy)
    return (
      <Button variant="contained" disabled={props.busy} onClick={props.onRewrite}>
        Rewrite for {props.targetName}
      </Button>
    );
  if (copy.state !== 'ready') return null;
  if (!copy.jobId) {
    const lines = copy.counts.devices + copy.counts.modules;
    return (
      <Stack spacing={1}>
        <Typography>
          The import writes {plural(lines, 'line', 'lines')} ({copy.mode}) into {props.targetName}.
          Type the target hub&apos;s name to confirm.
        </Typography>
        <TextField
          label="Target hub's name"
          value={phrase}
          onChange={(event) => setPhrase(event.target.value)}
          size="small"
        />
        <Button
          variant="contained"
          disabled={props.busy || phrase.trim() !== props.targetName}
          onClick={props.onImport}
        >
          Import into {props.targetName}
        </Button>
      </Stack>
    );
  }
  if (importJob?.status !== 'completed') return null;
  const v = copy.verification;
  if (v?.state === 'done' || v?.state === 'exporting') return null;
  return (
    <Button variant="contained" disabled={props.busy} onClick={props.onVerify}>
      {v?.state === 'failed' ? 'Verify again' : 'Verify the copy'}
    </Button>
  );
}

function CopyResult({ copy }: { copy: CopyResponse }) {
  const jobId = copy.jobId;
  const skipped = Object.entries(copy.counts.skipped);
  const adjusted = Object.entries(copy.counts.adjusted);
  const v = copy.verification;
  return (
    <Stack spacing={1}>
      {skipped.length > 0 && (
        <Alert severity="info">
          Left out of the copy:
          <ul>
            {skipped.map(([reason, count]) => (
              <li key={reason}>
                {count}: {reason}
              </li>
            ))}
          </ul>
          {adjusted.map(([reason, count]) => (
            <div key={reason}>
              {count} adjusted: {reason}
            </div>
          ))}
        </Alert>
      )}
      {jobId && (
        <Typography>
          Import job (on the target hub, which may not be this page's):{' '}
          <a href={hubPageUrl(copy.targetHubId, `/jobs/${encodeURIComponent(jobId)}`)}>{jobId}</a>
        </Typography>
      )}
      {v?.state === 'done' && (
        <Alert severity={v.ok ? 'success' : 'warning'} data-testid="copy-verification">
          {v.summary}
          {v.differences.length > 0 && (
            <ul>
              {v.differences.slice(0, 50).map((d) => (
                <li key={`${d.id}/${d.moduleId ?? ''}`}>
                  {d.kind} {d.moduleId ? `${d.id}/${d.moduleId}` : d.id}
                  {d.fields.length ? `: ${d.fields.join(', ')}` : ''}
                </li>
              ))}
            </ul>
          )}
          {v.differenceCount > 50 && <div>… and {v.differenceCount - 50} more.</div>}
        </Alert>
      )}
    </Stack>
  );
}
