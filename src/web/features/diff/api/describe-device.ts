import { useQuery } from '@tanstack/react-query';
import type { DeviceChange } from '../../../../core/diff';
import type { DiffClient } from '../../../workers/diff/diff-client';

/**
 * Field-by-field rows of one device from the diff worker, which keeps both snapshots; keys arrive
 * masked.
 */
export function useDescribeDevice(client: DiffClient | null, change: DeviceChange | null) {
  return useQuery({
    queryKey: ['diff', 'describe', change?.id, change?.moduleId, client],
    queryFn: () => (client as DiffClient).describe((change as DeviceChange).id, change?.moduleId),
    enabled: client !== null && change !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
