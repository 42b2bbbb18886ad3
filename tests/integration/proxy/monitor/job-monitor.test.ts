import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartImportResponse } from '../../../../src/contracts/api/imports';
import type { Job } from '../../../../src/contracts/api/jobs';
import { createHubJobsClient, type HubJobsClient } from '../../../../src/proxy/hub/hub-jobs';
import { createHubTransport } from '../../../../src/proxy/hub/hub-transport';
import { createOutboundAgent } from '../../../../src/proxy/http/outbound-agent';
import { startJobMonitor, type JobMonitor } from '../../../../src/proxy/monitor/job-monitor';
import type { ProxyContext } from '../../../../src/proxy/operations/proxy-context';
import { createIndexTable } from '../../../../src/proxy/operations-index/index-table-client';
import { indexOperationWrites } from '../../../../src/proxy/operations-index/indexed-operation-storage';
import { createOperationsIndex } from '../../../../src/proxy/operations-index/operations-index';
import { createOperationStorage } from '../../../../src/proxy/storage/operation-storage';
import { createUploadedImport, deviceLines, waitForIdleHub } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// The server-side job monitor against real Azurite and the hub emulator: of two monitors sharing
// one operations index, one polls the hub and the other reads what it wrote; the holder records
// the end of the console's job in the index; a lapsed holder is replaced; and a proxy with a
// monitor answers a poll from the monitor's sighting without asking the hub.

let stack: ProxyStack;
const monitors: JobMonitor[] = [];

beforeAll(async () => {
  stack = await startProxyStack(
    { jobMonitor: { enabled: true, timing: { activeMs: 200, idleMs: 5_000 } } },
    { paceDevicesPerSecond: 40 },
  );
}, 120_000);

afterAll(async () => {
  for (const monitor of monitors) await monitor.stop();
  await stack?.close();
});

/** A context of real parts like the proxy's, with the hub's job list calls counted. */
function countedContext(): { context: ProxyContext; listCalls: () => number } {
  let calls = 0;
  const hub: HubJobsClient = createHubJobsClient(
    createHubTransport({
      connectionString: stack.hub.connectionString,
      dispatcher: createOutboundAgent({ trustedCaPem: stack.tls.caCertPem }),
      now: () => new Date(),
    }),
  );
  const counted: HubJobsClient = {
    ...hub,
    listJobs: () => {
      calls++;
      return hub.listJobs();
    },
  };
  const auth = { kind: 'sharedKey' as const, accountKey: stack.azurite.accountKey };
  const storage = { accountName: stack.azurite.accountName, auth };
  const index = createOperationsIndex({
    ...storage,
    tableEndpoint: stack.azurite.tableEndpoint,
    hubHostName: hub.hostName,
  });
  const blobs = createOperationStorage({
    ...storage,
    blobEndpoint: stack.azurite.blobEndpoint,
    now: () => new Date(),
  });
  return {
    context: {
      hub: counted,
      index,
      storage: indexOperationWrites(blobs, index, () => undefined),
      now: () => new Date(),
      audit: () => undefined,
    },
    listCalls: () => calls,
  };
}

function monitorOf(context: ProxyContext): JobMonitor {
  const table = createIndexTable({
    accountName: stack.azurite.accountName,
    tableEndpoint: stack.azurite.tableEndpoint,
    auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
    // The pair's own lease and snapshot rows, apart from those of the stack's proxy's monitor;
    // what they record goes to the real operations index (the context's).
    tableName: 'monitorpair',
  });
  const monitor = startJobMonitor(
    { context, table, partitionKey: context.index.partitionKey, log: () => undefined },
    { timing: { activeMs: 100, idleMs: 100 }, leaseMs: 1_000 },
  );
  monitors.push(monitor);
  return monitor;
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two job monitors sharing one operations index', () => {
  it('poll the hub from one of them, record the end, and hand over when the holder stops', async () => {
    await waitForIdleHub(stack);
    const a = countedContext();
    const b = countedContext();
    const monitorA = monitorOf(a.context);
    const monitorB = monitorOf(b.context);
    const created = await createUploadedImport(stack, deviceLines('watched', 40), 'id\nwatched-0');
    const { job } = (await (
      await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')
    ).json()) as StartImportResponse;

    // Both see the job end; only the holder of the lease asked the hub.
    for (const monitor of [monitorA, monitorB])
      await until('the end in both monitors', () =>
        monitor
          .fresh()
          ?.jobs.find((seen) => seen.jobId === job.jobId && seen.status === 'completed'),
      );
    const [callsA, callsB] = [a.listCalls(), b.listCalls()];
    expect(callsA + callsB).toBeGreaterThan(0);
    expect(Math.min(callsA, callsB)).toBe(0);

    // The terminal state is in the operations index though no browser polled.
    const recorded = await until('the recorded end', async () => {
      const row = await a.context.index.byOperationId(created.operationId);
      return row?.metadata.finalStatus ? row : undefined;
    });
    expect(recorded.metadata.finalStatus).toBe('completed');

    // The holder stops; after its lease the other polls.
    const [holder, other] = callsA > 0 ? [monitorA, b] : [monitorB, a];
    await holder.stop();
    const before = other.listCalls();
    await until('the other monitor polling', () => (other.listCalls() > before ? true : undefined));
  }, 60_000);
});

describe("a proxy's poll with the monitor on", () => {
  it('is answered from the monitor while its sighting is fresh, even with the hub gone', async () => {
    await waitForIdleHub(stack);
    const created = await createUploadedImport(stack, deviceLines('seen', 40), 'id\nseen-0');
    await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    await until('the job to complete', async () => {
      const job = (await (
        await stack.call('GET', `/api/jobs/${created.operationId}`, 'admin')
      ).json()) as Job;
      return job.status === 'completed' ? job : undefined;
    });
    // The poll that saw the job running woke the proxy's monitor, which then saw it end; idle, it
    // vouches for that sighting for 5 s.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await stack.hub.close();
    const poll = await stack.call('GET', `/api/jobs/${created.operationId}`, 'admin');
    expect(poll.status).toBe(200);
    expect(((await poll.json()) as Job).status).toBe('completed');
  }, 60_000);
});
