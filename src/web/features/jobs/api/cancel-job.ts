import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, apiSend } from '../../../lib/api-client';

export async function cancelJob(jobId: string): Promise<void> {
  await apiSend(apiPath('jobs', jobId), { method: 'DELETE' });
}

export function useCancelJob(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelJob(jobId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
