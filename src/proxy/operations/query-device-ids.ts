import type { RegistryQueryResponse } from '../../contracts/api/registry';
import { ApiError } from '../http/api-error';
import { HubRequestError, toApiError } from '../hub/hub-errors';
import { queryDeviceIdsPage } from '../hub/hub-query-pages';
import type { HubTransport } from '../hub/hub-transport';

// A selection by hub query (docs/bulk-flows.md, "Select by hub query"): the query's pages read in
// turn until the hub has no more or the cap is reached, keeping the distinct device ids. The hub's
// own words for a query it cannot run are what the admin needs to fix it, so its 400 is passed on
// with its message; throttling, which asking again later cures, has its own code.

export async function queryDeviceIds(
  transport: HubTransport,
  query: string,
  limit: number,
  now: () => Date,
): Promise<RegistryQueryResponse> {
  const takenAt = now().toISOString();
  const ids = new Set<string>();
  let withoutId = 0;
  let continuation: string | undefined;
  let truncated = false;
  pages: do {
    const page = await queryDeviceIdsPage(transport, query, continuation).catch(
      (error: unknown) => {
        throw queryFailure(error);
      },
    );
    withoutId += page.withoutId;
    for (const id of page.deviceIds) {
      if (ids.has(id)) continue;
      if (ids.size === limit) {
        truncated = true;
        break pages;
      }
      ids.add(id);
    }
    continuation = page.continuation;
  } while (continuation);
  if (ids.size === 0 && withoutId > 0)
    throw new ApiError(
      400,
      'QUERY_WITHOUT_DEVICE_IDS',
      "The query's results name no device: select * (or deviceId) from devices to make a selection.",
    );
  return { takenAt, deviceIds: [...ids], truncated, limit };
}

function queryFailure(error: unknown): unknown {
  if (!(error instanceof HubRequestError)) return error;
  if (error.status === 400)
    return new ApiError(400, 'QUERY_INVALID', `IoT Hub: ${error.message || error.hubCode}`, {
      hubCode: error.hubCode,
    });
  if (error.status === 429)
    return new ApiError(
      429,
      'QUERY_THROTTLED',
      "The hub's query budget is used up for now; run the query again in a minute.",
    );
  return toApiError(error);
}
