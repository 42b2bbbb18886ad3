import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ReplayIcon from '@mui/icons-material/Replay';
import { ErrorPanel } from '../../../components/error-panel';
import { downloadBlob } from '../../../lib/download-blob';
import { formatCount } from '../../../lib/format';
import { setPendingImport } from '../../../lib/pending-import';
import { fetchFailedDeviceLines } from '../api/fetch-failed-device-lines';
import { buildFailedRowsCsv, buildImportFile } from '../model/build-failed-rows-files';
import { failedIds, suggestedRetryMode } from '../model/error-rows';
import type { ErrorRow } from '../model/error-rows';

interface ErrorActionsProps {
  jobId: string;
  rows: ErrorRow[];
  isAdmin: boolean;
}

/** Downloads and the retry act on the rows currently shown (after the code filter and search). */
export function ErrorActions({ jobId, rows, isAdmin }: ErrorActionsProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<null | 'import-file' | 'retry'>(null);
  const [error, setError] = useState<unknown>(null);
  const ids = failedIds(rows);

  const withDeviceLines = async (kind: 'import-file' | 'retry', consume: (lines: string[]) => void) => {
    setBusy(kind);
    setError(null);
    try {
      consume(await fetchFailedDeviceLines(jobId, ids));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const downloadImportFile = () =>
    withDeviceLines('import-file', (lines) => downloadBlob(buildImportFile(lines, false), `failed-rows-${jobId}.ndjson`));

  const retry = () =>
    withDeviceLines('retry', (lines) => {
      const mode = suggestedRetryMode(rows) ?? 'create';
      setPendingImport({
        file: new File([buildImportFile(lines, true)], `retry-${jobId}.ndjson`, { type: 'application/x-ndjson' }),
        suggestedMode: mode,
        reason: `Retrying ${formatCount(lines.length)} failed rows of job ${jobId}. The default mode is set to ${mode}, as the errors suggest; change it below if needed.`,
      });
      navigate('/import');
    });

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button startIcon={<DownloadIcon />} variant="outlined" disabled={rows.length === 0} onClick={() => downloadBlob(buildFailedRowsCsv(rows), `failed-rows-${jobId}.csv`)}>
          Download failed rows (CSV)
        </Button>
        <Button startIcon={<DownloadIcon />} variant="outlined" disabled={ids.size === 0 || busy !== null} onClick={() => void downloadImportFile()}>
          {busy === 'import-file' ? 'Preparing...' : 'Download as import file'}
        </Button>
        {isAdmin && (
          <Button startIcon={<ReplayIcon />} variant="contained" disabled={ids.size === 0 || busy !== null} onClick={() => void retry()}>
            {busy === 'retry' ? 'Preparing...' : 'Retry failed rows'}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        These act on the {formatCount(rows.length)} rows shown ({formatCount(ids.size)} device ids).
      </Typography>
      {error !== null && <ErrorPanel error={error} context="Reading the import file" />}
    </Stack>
  );
}
