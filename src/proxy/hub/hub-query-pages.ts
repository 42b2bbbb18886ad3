import { z } from 'zod';
import { HubRequestError } from './hub-errors';
import type { HubTransport } from './hub-transport';

// One page of a registry query (POST /devices/query, docs/hub-emulator.md "Query"): the hub pages
// with `x-ms-max-item-count` (at most 1000) and hands the next page's token back in
// `x-ms-continuation`, which the next call sends with the same query text. Only the device ids
// of the items are kept: a selection needs no more, and a twin carries no key, but it may carry
// anything a device reports, which has no business in the proxy's memory.

export const QUERY_PAGE_SIZE = 1000;

const Items = z.array(z.unknown());

export interface QueryIdsPage {
  deviceIds: string[];
  /** Items without a string `deviceId` (a projection that does not select it). */
  withoutId: number;
  continuation: string | undefined;
}

export async function queryDeviceIdsPage(
  transport: HubTransport,
  query: string,
  continuation: string | undefined,
): Promise<QueryIdsPage> {
  const response = await transport.send({
    method: 'POST',
    segments: ['devices', 'query'],
    body: { query },
    headers: {
      'x-ms-max-item-count': String(QUERY_PAGE_SIZE),
      ...(continuation ? { 'x-ms-continuation': continuation } : {}),
    },
    idempotent: true,
  });
  const items = Items.safeParse(response.body);
  if (!items.success)
    throw new HubRequestError(502, 'UnexpectedResponse', 'the hub answered a query with no list');
  const deviceIds: string[] = [];
  let withoutId = 0;
  for (const item of items.data) {
    const id = (item as { deviceId?: unknown } | null)?.deviceId;
    if (typeof id === 'string') deviceIds.push(id);
    else withoutId++;
  }
  const next = response.headers?.['x-ms-continuation'];
  return { deviceIds, withoutId, continuation: next ? next : undefined };
}
