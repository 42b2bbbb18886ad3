import { queryOptions } from '@tanstack/react-query';
import { JobCommand } from '../../../../contracts/api';
import { apiPath, apiRequest } from '../../../lib/api-client';

/** The hub request and az command behind a job (asked only when the admin opens the dialog). */
export const jobCommandQueryOptions = (jobRef: string) =>
  queryOptions({
    queryKey: ['jobs', jobRef, 'command'],
    queryFn: ({ signal }) => apiRequest(apiPath('jobs', jobRef, 'command'), JobCommand, { signal }),
    staleTime: Infinity,
    retry: false,
  });
