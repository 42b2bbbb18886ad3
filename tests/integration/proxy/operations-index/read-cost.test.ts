import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURITE_ACCOUNT } from '../../../../src/dev-stack/azurite';
import type { JobListResponse } from '../../../../src/contracts/api/jobs';
import { startCountingForwarder, type CountingForwarder } from '../support/counting-forwarder';
import { createImport } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// What a poll and a list page cost in storage calls, counted on the wire: a poll is one point
// read of the index and no blob call, whatever the history; a list page is one table query.

let stack: ProxyStack;
let blob: CountingForwarder;
let table: CountingForwarder;
const created: string[] = [];

beforeAll(async () => {
  blob = await startCountingForwarder();
  table = await startCountingForwarder();
  stack = await startProxyStack({
    storage: {
      accountName: AZURITE_ACCOUNT.name,
      accountKey: AZURITE_ACCOUNT.key,
      blobEndpoint: `${blob.url}/${AZURITE_ACCOUNT.name}`,
      tableEndpoint: `${table.url}/${AZURITE_ACCOUNT.name}`,
    },
  });
  blob.setTarget(stack.azurite.ports.blob);
  table.setTarget(stack.azurite.ports.table);
  for (let i = 0; i < 12; i++)
    created.push((await createImport(stack, '{"id":"d"}\n', 'id\nd\n')).operationId);
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await blob?.close();
  await table?.close();
});

async function counted<T>(
  work: () => Promise<T>,
): Promise<{ value: T; blob: number; table: string[] }> {
  blob.requests.length = 0;
  table.requests.length = 0;
  const value = await work();
  return { value, blob: blob.requests.length, table: table.requests.map((r) => r.method) };
}

describe('the read cost of the jobs routes', () => {
  it('polls with one point read of the index and no blob call, at any history size', async () => {
    for (const operationId of [created[0], created[11]]) {
      const poll = await counted(() => stack.call('GET', `/api/jobs/${operationId}`, 'support'));
      expect(poll.value.status).toBe(200);
      expect(poll.table).toEqual(['GET']);
      expect(poll.blob).toBe(0);
    }
  });

  it('lists a page with one table query and no blob call', async () => {
    const page = await counted(
      async () =>
        (await (await stack.call('GET', '/api/jobs?limit=5', 'support')).json()) as JobListResponse,
    );
    expect(page.value.jobs).toHaveLength(5);
    expect(page.value.continuation).not.toBeNull();
    expect(page.table).toEqual(['GET']);
    expect(page.blob).toBe(0);
  });
});
