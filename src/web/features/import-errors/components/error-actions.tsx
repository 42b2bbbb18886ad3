import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import ReplayIcon from '@mui/icons-material/Replay';
import type { ImportErrorEntry } from '../../../../core/import-errors';
import type { ImportMode } from '../../../../core/model/import-mode';
import { ErrorPanel } from '../../../components/error-panel';
import { downloadBlob } from '../../../lib/download-blob';
import { plural } from '../../../lib/format';
import { handOffToImport, IMPORT_WIZARD_PATH } from '../../../lib/import-handoff';
import { fetchRetryImport } from '../api/fetch-retry-import';
import { buildFailedRowsCsv, withoutImportMode } from '../model/build-failed-rows-files';
import {
  buildFailedRowsInSourceColumns,
  type SourceFileLayout,
} from '../model/build-failed-rows-in-source-columns';
import { joinErrorRows, retryTargets, suggestedRetryMode } from '../model/error-rows';
import type { SourceRow } from '../model/collect-source-rows';

interface ErrorActionsProps {
  jobId: string;
  rows: readonly ImportErrorEntry[];
  sources: ReadonlyMap<string, SourceRow> | undefined;
  /** Set when the source is a CSV: the failed rows can then be written in its own columns. */
  layout: SourceFileLayout | null;
  isAdmin: boolean;
}

/** Downloads and the retry act on the rows currently shown (after the code filter and search). */
export function ErrorActions({ jobId, rows, sources, layout, isAdmin }: ErrorActionsProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState<null | 'import-file' | 'retry'>(null);
  const [error, setError] = useState<unknown>(null);
  const targets = useMemo(() => retryTargets(rows), [rows]);
  // No code points to a mode (bad values, quota, throttling): create, which can overwrite nothing;
  // the wizard's plan then says which rows would meet an existing device, and the admin chooses.
  const mode: ImportMode = useMemo(() => suggestedRetryMode(rows) ?? 'create', [rows]);

  const withRetryImport = async (
    kind: 'import-file' | 'retry',
    consume: (ndjson: string, matched: number) => void,
  ) => {
    setBusy(kind);
    setError(null);
    try {
      const result = await fetchRetryImport(jobId, targets, mode);
      consume(result.ndjson, result.matched);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const downloadImportFile = () =>
    withRetryImport('import-file', (ndjson) =>
      downloadBlob(new Blob([ndjson], { type: 'application/x-ndjson' }), `retry-${jobId}.ndjson`),
    );

  const retry = () =>
    withRetryImport('retry', (ndjson, matched) => {
      void navigate(
        IMPORT_WIZARD_PATH,
        handOffToImport({
          file: new File([withoutImportMode(ndjson)], `retry-${jobId}.ndjson`, {
            type: 'application/x-ndjson',
          }),
          suggestedMode: mode,
          reason: `Retrying ${plural(matched, 'failed row', 'failed rows')} of job ${jobId}. The default mode is set to ${mode}, as the errors suggest; change it below if needed.`,
        }),
      );
    });

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {layout && (
          <Button
            startIcon={<DownloadIcon />}
            variant="outlined"
            disabled={rows.length === 0}
            onClick={() => {
              const file = buildFailedRowsInSourceColumns(joinErrorRows(rows, sources), layout);
              downloadBlob(file.blob, `failed-rows-${jobId}.csv`);
            }}
          >
            Download failed rows in your columns (CSV)
          </Button>
        )}
        <Button
          startIcon={<DownloadIcon />}
          variant="outlined"
          disabled={rows.length === 0}
          onClick={() =>
            downloadBlob(
              buildFailedRowsCsv(joinErrorRows(rows, sources)),
              `failed-rows-${jobId}.csv`,
            )
          }
        >
          Download error report (CSV)
        </Button>
        <Button
          startIcon={<DownloadIcon />}
          variant="outlined"
          disabled={targets.length === 0 || busy !== null}
          onClick={() => void downloadImportFile()}
        >
          {busy === 'import-file' ? 'Preparing...' : 'Download as import file'}
        </Button>
        {isAdmin && (
          <Button
            startIcon={<ReplayIcon />}
            variant="contained"
            disabled={targets.length === 0 || busy !== null}
            onClick={() => void retry()}
          >
            {busy === 'retry' ? 'Preparing...' : 'Retry failed rows'}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        These act on the {plural(rows.length, 'row', 'rows')} shown. The import file uses mode{' '}
        {mode}.
        {layout &&
          ' “In your columns” keeps your file’s header, delimiter and line ends and adds an error column: fix the rows in Excel and drop the file back into Import.'}
      </Typography>
      {error !== null && <ErrorPanel error={error} context="Reading the import file" />}
    </Stack>
  );
}
