import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { downloadBlob } from '../../../lib/download-blob';
import { FailureLine } from '../../../components/failure-line';
import type { BrowseClient } from '../../../workers/registry/browse-client';

interface RegistryDownloadsProps {
  exportId: string;
  client: BrowseClient | null;
  /** The query whose matches are downloaded; every record when undefined (nothing filters). */
  queryId: number | undefined;
  disabled: boolean;
}

/**
 * CSV (formula-safe) or NDJSON of the records the table's filter keeps, built in the worker; keys
 * are never in either file.
 */
export function RegistryDownloads({ exportId, client, queryId, disabled }: RegistryDownloadsProps) {
  const [busy, setBusy] = useState<'csv' | 'ndjson' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const run = async (format: 'csv' | 'ndjson') => {
    if (!client) return;
    setBusy(format);
    setFailure(null);
    try {
      // The worker holds the match list: the page names the query, never a million indices.
      const blob = await client.download(format, queryId);
      const suffix = queryId === undefined ? '' : '-filtered';
      downloadBlob(blob, `export-${exportId}${suffix}.${format === 'csv' ? 'csv' : 'ndjson'}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button
        variant="outlined"
        disabled={disabled || busy !== null}
        onClick={() => void run('csv')}
      >
        {busy === 'csv' ? 'Preparing CSV...' : 'Download CSV'}
      </Button>
      <Button
        variant="outlined"
        disabled={disabled || busy !== null}
        onClick={() => void run('ndjson')}
      >
        {busy === 'ndjson' ? 'Preparing NDJSON...' : 'Download NDJSON'}
      </Button>
      {failure !== null && (
        <FailureLine lead="The download could not be prepared" error={failure} />
      )}
    </Stack>
  );
}
