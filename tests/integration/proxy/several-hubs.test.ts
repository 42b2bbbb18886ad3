import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { HubListResponse, SpaConfig } from '../../../src/contracts/api/identity';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import type { HubInfoResponse, Job, JobListResponse } from '../../../src/contracts/api/jobs';
import type { EnqueueResponse, QueueResponse } from '../../../src/contracts/api/queue';
import type { RegistryLookupResponse } from '../../../src/contracts/api/registry';
import { createUploadedImport, deviceLines, waitForIdleHub } from './support/import-fixture';
import { startTwoHubStack, type TwoHubId, type TwoHubStack } from './support/two-hub-stack';

// One proxy, two real hub emulators, one Azurite (docs/proxy.md, "Several hubs"): each hub's
// operations, jobs and queue stay its own, an id of one hub is unknown under the other's URL,
// per-hub roles grant that hub only, and each hub has its own job slot and queue worker.

let stack: TwoHubStack;

beforeAll(async () => {
  stack = await startTwoHubStack(
    { queueWorker: { pollMs: 100, holdSeconds: 1, leaseSeconds: 5 } },
    // 40 devices a second: 120 devices keep a hub's slot for about three seconds.
    { paceDevicesPerSecond: 40 },
  );
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
const codeOf = async (response: Response): Promise<string> =>
  ((await response.json()) as ApiErrorBody).error.code;
const jobsOf = async (prefix: string): Promise<Job[]> =>
  (await json<JobListResponse>(await stack.call('GET', `${prefix}/jobs`, 'admin'))).jobs;
const hubInfo = async (hubId: TwoHubId): Promise<HubInfoResponse> =>
  json<HubInfoResponse>(await stack.call('GET', `/api/hubs/${hubId}/hub`, 'support'));

async function startedImport(hubId: TwoHubId, prefix: string, count: number) {
  const hub = stack.forHub(hubId);
  await waitForIdleHub(hub);
  const created = await createUploadedImport(hub, deviceLines(prefix, count), `id\n${prefix}-0`);
  const started = await json<StartImportResponse>(
    await stack.call('POST', `/api/hubs/${hubId}/imports/${created.operationId}/start`, 'admin'),
  );
  return { operationId: created.operationId, jobId: started.job.jobId ?? '' };
}

describe('GET /api/hubs and /config.json', () => {
  it('list both hubs, first one first, to a caller with a global role', async () => {
    const listed = await json<HubListResponse>(await stack.call('GET', '/api/hubs', 'admin'));
    expect(listed.hubs).toEqual([
      {
        id: 'hub-a',
        displayName: 'Local hub A',
        hostName: stack.hubs['hub-a'].hostName,
        role: 'admin',
      },
      {
        id: 'hub-b',
        displayName: 'Local hub B',
        hostName: stack.hubs['hub-b'].hostName,
        role: 'admin',
      },
    ]);
    const support = await json<HubListResponse>(await stack.call('GET', '/api/hubs', 'support'));
    expect(support.hubs.map((hub) => hub.role)).toEqual(['support', 'support']);
    const config = await json<SpaConfig>(await fetch(`${stack.url}/config.json`));
    expect(config.hubs.map((hub) => hub.id)).toEqual(['hub-a', 'hub-b']);
    expect(config.hubHostName).toBe(stack.hubs['hub-a'].hostName);
  });

  it('leave out the hubs where the caller holds no role, and refuse a caller with none', async () => {
    const adminOfA = await json<HubListResponse>(
      await stack.call('GET', '/api/hubs', { roles: ['HubA.Admin'] }),
    );
    expect(adminOfA.hubs.map(({ id, role }) => ({ id, role }))).toEqual([
      { id: 'hub-a', role: 'admin' },
    ]);
    const mixed = await json<HubListResponse>(
      await stack.call('GET', '/api/hubs', { roles: ['HubA.Admin', 'HubB.Support'] }),
    );
    expect(mixed.hubs.map(({ id, role }) => ({ id, role }))).toEqual([
      { id: 'hub-a', role: 'admin' },
      { id: 'hub-b', role: 'support' },
    ]);
    const none = await stack.call('GET', '/api/hubs', { roles: ['Other.Role'] });
    expect(none.status).toBe(403);
  });
});

describe('per-hub roles', () => {
  const adminOfA = { roles: ['HubA.Admin'] };
  const supportOfB = { roles: ['HubB.Support'] };

  it('let an admin of hub-a act on hub-a only', async () => {
    expect((await stack.call('GET', '/api/hubs/hub-a/jobs', adminOfA)).status).toBe(200);
    // The unprefixed routes serve the first hub, hub-a.
    expect((await stack.call('GET', '/api/jobs', adminOfA)).status).toBe(200);
    const me = await json<{ roles: string[] }>(
      await stack.call('GET', '/api/hubs/hub-a/me', adminOfA),
    );
    expect(me.roles).toEqual(['admin']);
    for (const [method, path, body] of [
      ['GET', '/api/hubs/hub-b/jobs', undefined],
      ['GET', '/api/hubs/hub-b/me', undefined],
      ['POST', '/api/hubs/hub-b/exports', { excludeKeys: true }],
      ['POST', '/api/hubs/hub-b/registry/lookup', { ids: [{ id: 'x' }] }],
      ['GET', '/api/hubs/hub-b/setup-check', undefined],
    ] as const) {
      const response = await stack.call(method, path, adminOfA, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await codeOf(response)).toBe('FORBIDDEN');
    }
  });

  it('give support of hub-b the reads of hub-b and no write, and nothing on hub-a', async () => {
    expect((await stack.call('GET', '/api/hubs/hub-b/queue', supportOfB)).status).toBe(200);
    expect((await stack.call('GET', '/api/hubs/hub-b/hub/counts', supportOfB)).status).toBe(200);
    const write = await stack.call('POST', '/api/hubs/hub-b/registry/lookup', supportOfB, {
      ids: [{ id: 'x' }],
    });
    expect(write.status).toBe(403);
    expect((await stack.call('GET', '/api/hubs/hub-a/jobs', supportOfB)).status).toBe(403);
    expect((await stack.call('GET', '/api/jobs', supportOfB)).status).toBe(403);
  });

  it('answer an unknown hub with 404 HUB_NOT_FOUND', async () => {
    const response = await stack.call('GET', '/api/hubs/hub-c/jobs', 'admin');
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe('HUB_NOT_FOUND');
  });
});

describe('an import on hub-b', () => {
  let operationId = '';
  let jobId = '';

  beforeAll(async () => {
    ({ operationId, jobId } = await startedImport('hub-b', 'only-b', 3));
    await waitForIdleHub(stack.forHub('hub-b'));
  }, 60_000);

  it("is listed by hub-b with its hub, and never by hub-a's list or the unprefixed one", async () => {
    const onB = (await jobsOf('/api/hubs/hub-b')).find((job) => job.operationId === operationId);
    expect(onB).toMatchObject({ hubId: 'hub-b', jobId, status: 'completed' });
    for (const prefix of ['/api/hubs/hub-a', '/api'])
      expect((await jobsOf(prefix)).map((job) => job.operationId)).not.toContain(operationId);
  });

  it('is 404 under hub-a: its operation id, its start, its files', async () => {
    for (const path of [
      `/api/hubs/hub-a/jobs/${operationId}`,
      `/api/jobs/${operationId}`,
      `/api/hubs/hub-a/jobs/${operationId}/files/devices`,
    ]) {
      const response = await stack.call('GET', path, 'admin');
      expect(response.status, path).toBe(404);
    }
    const start = await stack.call('POST', `/api/hubs/hub-a/imports/${operationId}/start`, 'admin');
    expect(start.status).toBe(404);
    const enqueue = await stack.call(
      'POST',
      `/api/hubs/hub-a/imports/${operationId}/enqueue`,
      'admin',
    );
    expect(enqueue.status).toBe(404);
    const own = await stack.call('GET', `/api/hubs/hub-b/jobs/${operationId}`, 'admin');
    expect(own.status).toBe(200);
  });

  it("changed hub-b's registry only", async () => {
    const lookup = async (hubId: TwoHubId) =>
      json<RegistryLookupResponse>(
        await stack.call('POST', `/api/hubs/${hubId}/registry/lookup`, 'admin', {
          ids: [{ id: 'only-b-0' }],
        }),
      );
    expect((await lookup('hub-b')).records.length).toBeGreaterThan(0);
    expect((await lookup('hub-a')).records).toEqual([]);
  });

  it('wrote its audit lines with the hub', () => {
    const audits = stack.logs.filter(
      (entry) => entry.type === 'audit' && entry.operationId === operationId,
    );
    const done = audits.filter((entry) => entry.result === 'ok');
    expect(done.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['import.create', 'import.start']),
    );
    expect(new Set(done.map((entry) => entry.hubId))).toEqual(new Set(['hub-b']));
    // The tries through hub-a's URL are audited as hub-a's, and failed.
    const tries = audits.filter((entry) => entry.hubId === 'hub-a');
    expect(tries.length).toBeGreaterThan(0);
    expect(new Set(tries.map((entry) => entry.result))).toEqual(new Set(['failed']));
  });
});

describe('the queues of two hubs', () => {
  it('keep their entries apart and start one job per hub at the same time', async () => {
    // Each hub busy with a holder, then one import queued behind each.
    const holders = {
      'hub-a': await startedImport('hub-a', 'hold-a', 120),
      'hub-b': await startedImport('hub-b', 'hold-b', 120),
    };
    expect((await hubInfo('hub-a')).activeJob?.jobId).toBe(holders['hub-a'].jobId);
    expect((await hubInfo('hub-b')).activeJob?.jobId).toBe(holders['hub-b'].jobId);

    const queued: Record<TwoHubId, string> = { 'hub-a': '', 'hub-b': '' };
    for (const hubId of ['hub-a', 'hub-b'] as const) {
      const created = await createUploadedImport(
        stack.forHub(hubId),
        deviceLines(`queued-${hubId}`, 120),
        `id\nqueued-${hubId}-0`,
      );
      const entry = await json<EnqueueResponse>(
        await stack.call(
          'POST',
          `/api/hubs/${hubId}/imports/${created.operationId}/enqueue`,
          'admin',
        ),
      );
      expect(entry.entry).toMatchObject({ hubId, position: 1 });
      queued[hubId] = created.operationId;
    }
    const queueOf = async (hubId: TwoHubId) =>
      json<QueueResponse>(await stack.call('GET', `/api/hubs/${hubId}/queue`, 'support'));
    const queueA = await queueOf('hub-a');
    expect(queueA.hubId).toBe('hub-a');
    expect(queueA.entries.map((entry) => entry.operationId)).toEqual([queued['hub-a']]);
    expect((await queueOf('hub-b')).entries.map((entry) => entry.operationId)).toEqual([
      queued['hub-b'],
    ]);

    // Both workers start their hub's entry once its holder ends: a moment comes when both queued
    // imports run at once, one on each hub.
    const deadline = Date.now() + 45_000;
    let both = false;
    while (!both && Date.now() < deadline) {
      const [a, b] = await Promise.all([hubInfo('hub-a'), hubInfo('hub-b')]);
      const runningA = (await jobsOf('/api/hubs/hub-a')).find(
        (job) => job.operationId === queued['hub-a'],
      );
      const runningB = (await jobsOf('/api/hubs/hub-b')).find(
        (job) => job.operationId === queued['hub-b'],
      );
      both =
        Boolean(a.activeJob && runningA?.jobId === a.activeJob.jobId) &&
        Boolean(b.activeJob && runningB?.jobId === b.activeJob.jobId);
      if (!both) await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(both).toBe(true);
    await waitForIdleHub(stack.forHub('hub-a'), 45_000);
    await waitForIdleHub(stack.forHub('hub-b'), 45_000);
  }, 120_000);
});
