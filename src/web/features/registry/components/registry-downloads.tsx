import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { downloadBlob } from '../../../lib/download-blob';
import type { BrowseClient } from '../../../lib/registry-worker/browse-client';
import type { RegistryRow } from '../../../lib/registry-worker/summarize-device';

interface RegistryDownloadsProps {
  exportId: string;
  client: BrowseClient | null;
  /** The rows in view; when filtered, only they are downloaded. */
  rows: readonly RegistryRow[];
  filtered: boolean;
  disabled: boolean;
}

/** CSV (formula-safe) or NDJSON of what the table shows, built in the worker; keys are never in either file. */
export function RegistryDownloads({ exportId, client, rows, filtered, disabled }: RegistryDownloadsProps) {
  const [busy, setBusy] = useState<'csv' | 'ndjson' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (format: 'csv' | 'ndjson') => {
    if (!client) return;
    setBusy(format);
    setFailure(null);
    try {
      const indices = filtered ? Int32Array.from(rows, (row) => row.index) : undefined;
      const blob = await client.download(format, indices);
      const suffix = filtered ? '-filtered' : '';
      downloadBlob(blob, `export-${exportId}${suffix}.${format === 'csv' ? 'csv' : 'ndjson'}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button variant="outlined" disabled={disabled || busy !== null} onClick={() => void run('csv')}>
        {busy === 'csv' ? 'Preparing CSV...' : 'Download CSV'}
      </Button>
      <Button variant="outlined" disabled={disabled || busy !== null} onClick={() => void run('ndjson')}>
        {busy === 'ndjson' ? 'Preparing NDJSON...' : 'Download NDJSON'}
      </Button>
      {failure && (
        <Typography role="alert" color="error" variant="body2">
          The download could not be prepared: {failure}
        </Typography>
      )}
    </Stack>
  );
}
