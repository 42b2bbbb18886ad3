import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, apiSend } from '../api-client';

/** DELETE /api/queue/{entryId}: takes a waiting entry out; nothing had run yet. */
export async function cancelQueueEntry(entryId: string): Promise<void> {
  await apiSend(apiPath('queue', entryId), { method: 'DELETE' });
}

export function useCancelQueueEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelQueueEntry,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['queue'] });
      await queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}
