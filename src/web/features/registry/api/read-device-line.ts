import { useQuery } from '@tanstack/react-query';
import type { ExportImportDevice } from '../../../../core/model/export-import-device';
import { readRecordDevice } from '../../../../core/registry/read-record-device';
import type { BrowseClient } from '../../../workers/registry/browse-client';

/**
 * The full record of one row, read back from the worker (which keeps every line) and parsed here.
 */
export async function readDevice(client: BrowseClient, index: number): Promise<ExportImportDevice> {
  return readRecordDevice(await client.readLine(index));
}

export function useDeviceRecord(
  client: BrowseClient | null,
  exportId: string,
  index: number | null,
) {
  return useQuery({
    // The client is part of the key: a reload of the stream makes a new worker with new indices.
    queryKey: ['registry', exportId, 'record', index, client],
    queryFn: () => readDevice(client as BrowseClient, index as number),
    enabled: client !== null && index !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
