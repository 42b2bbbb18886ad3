import { HubInfoResponse } from '../../contracts/api';
import { apiRequest } from './api-client';

/** GET /api/hub: device statistics and which job, if any, holds the hub's single job slot. */
export async function getHubInfo(signal?: AbortSignal): Promise<HubInfoResponse> {
  return apiRequest('/api/hub', HubInfoResponse, { signal });
}
