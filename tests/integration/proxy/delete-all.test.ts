import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeleteAllResponse } from '../../../src/contracts/api/delete-all';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job } from '../../../src/contracts/api/jobs';
import { hubRest, sasAuthentication, sasKey, type HubRest } from './support/hub-rest';
import { createUploadedImport } from './support/import-fixture';
import { startTwoHubStack, type TwoHubId, type TwoHubStack } from './support/two-hub-stack';

// "Delete all devices and configurations" of hub-b through the proxy (docs/bulk-flows.md), on one
// proxy over two real emulator hubs: the import the proxy writes from hub-b's export deletes every
// device (gateway, child, modules with them), the configurations go one by one after the job, the
// backup's undo file restores every device with its keys, and hub-a is never touched.

let stack: TwoHubStack;
let restA: HubRest;
let restB: HubRest;
const PLAIN = 12;

beforeAll(async () => {
  stack = await startTwoHubStack();
  const ca = stack.forHub('hub-b').tls.caCertPem;
  restA = hubRest(stack.hubs['hub-a'], ca);
  restB = hubRest(stack.hubs['hub-b'], ca);
  await restA.ok('PUT', '/devices/a-only', {
    deviceId: 'a-only',
    authentication: sasAuthentication(90),
  });
  const gateway = await restB.ok('PUT', '/devices/gw-b', {
    deviceId: 'gw-b',
    authentication: sasAuthentication(1),
    capabilities: { iotEdge: true },
  });
  await restB.ok('PUT', '/devices/gw-b-leaf', {
    deviceId: 'gw-b-leaf',
    authentication: sasAuthentication(2),
    deviceScope: String(gateway.deviceScope),
  });
  for (let n = 0; n < PLAIN; n++)
    await restB.ok('PUT', `/devices/b-${n}`, {
      deviceId: `b-${n}`,
      authentication: sasAuthentication(10 + n),
    });
  await restB.ok('PUT', '/devices/b-0/modules/m1', {
    deviceId: 'b-0',
    moduleId: 'm1',
    authentication: sasAuthentication(50),
  });
  await restB.ok('PUT', '/configurations/cfg-b', {
    id: 'cfg-b',
    targetCondition: "tags.site='x'",
    priority: 3,
  });
}, 120_000);

afterAll(async () => {
  await restA?.close();
  await restB?.close();
  await stack?.close();
});

const json = async <T>(response: Response): Promise<T> => {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
const codeOf = async (response: Response): Promise<string> =>
  ((await response.json()) as ApiErrorBody).error.code;

async function waitForJob(hubId: TwoHubId, jobId: string): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await json<Job>(
      await stack.call('GET', `/api/hubs/${hubId}/jobs/${jobId}`, 'admin'),
    );
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function exportOf(hubId: TwoHubId, excludeKeys: boolean): Promise<string> {
  const started = await json<CreateExportResponse>(
    await stack.call('POST', `/api/hubs/${hubId}/exports`, 'admin', {
      excludeKeys,
      includeConfigurations: true,
    }),
  );
  expect((await waitForJob(hubId, started.job.jobId ?? '')).status).toBe('completed');
  return started.job.operationId ?? '';
}

describe('POST /api/hubs/{hubId}/delete-all', () => {
  let created: DeleteAllResponse;

  it('refuses an export without keys or of another hub, and support staff', async () => {
    const keyless = await exportOf('hub-b', true);
    const refused = await stack.call('POST', '/api/hubs/hub-b/delete-all', 'admin', {
      exportOperationId: keyless,
    });
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe('COPY_SOURCE_WITHOUT_KEYS');
    const ofA = await exportOf('hub-a', false);
    const elsewhere = await stack.call('POST', '/api/hubs/hub-b/delete-all', 'admin', {
      exportOperationId: ofA,
    });
    expect(elsewhere.status).toBe(404);
    expect(await codeOf(elsewhere)).toBe('COPY_SOURCE_NOT_FOUND');
    const support = await stack.call('POST', '/api/hubs/hub-b/delete-all', 'support', {
      exportOperationId: ofA,
    });
    expect(support.status).toBe(403);
  }, 120_000);

  it('deletes every device, then the configurations, and leaves hub-a as it was', async () => {
    const backup = await exportOf('hub-b', false);
    created = await json<DeleteAllResponse>(
      await stack.call('POST', '/api/hubs/hub-b/delete-all', 'admin', {
        exportOperationId: backup,
      }),
    );
    expect(created).toMatchObject({
      hubId: 'hub-b',
      exportOperationId: backup,
      devices: 2 + PLAIN,
      // m1 and the gateway's two runtime modules go with their devices.
      modules: 3,
      configurationIds: ['cfg-b'],
    });
    expect(JSON.stringify(created)).not.toContain(sasKey(1));
    const early = await stack.call(
      'POST',
      `/api/hubs/hub-b/delete-all/${created.operationId}/configurations`,
      'admin',
    );
    expect(early.status).toBe(409);
    expect(await codeOf(early)).toBe('DELETE_ALL_NOT_DONE');

    const started = await json<StartImportResponse>(
      await stack.call('POST', `/api/hubs/hub-b/imports/${created.operationId}/start`, 'admin'),
    );
    const job = await waitForJob('hub-b', started.job.jobId ?? '');
    expect(job.status).toBe('completed');
    expect(job.errorLineCount ?? 0).toBe(0);
    expect(job.backup).not.toBeNull();
    for (const id of ['gw-b', 'gw-b-leaf', 'b-0', `b-${PLAIN - 1}`])
      expect((await restB.send('GET', `/devices/${id}`)).status, id).toBe(404);

    const done = await json<DeleteAllResponse>(
      await stack.call(
        'POST',
        `/api/hubs/hub-b/delete-all/${created.operationId}/configurations`,
        'admin',
      ),
    );
    expect(done.configurations).toMatchObject({ deleted: 1, absent: 0 });
    expect((await restB.send('GET', '/configurations/cfg-b')).status).toBe(404);
    // Asked again, the configuration is gone already: absent, not a failure.
    const again = await json<DeleteAllResponse>(
      await stack.call(
        'POST',
        `/api/hubs/hub-b/delete-all/${created.operationId}/configurations`,
        'admin',
      ),
    );
    expect(again.configurations).toMatchObject({ deleted: 0, absent: 1 });
    expect(
      await json<DeleteAllResponse>(
        await stack.call('GET', `/api/hubs/hub-b/delete-all/${created.operationId}`, 'admin'),
      ),
    ).toEqual(again);
    expect((await restA.send('GET', '/devices/a-only')).status).toBe(200);
  }, 180_000);

  it('keeps the backup, whose undo file brings every device back with its keys', async () => {
    const backup = await stack.call(
      'GET',
      `/api/hubs/hub-b/jobs/${created.operationId}/files/backup`,
      'admin',
    );
    expect(backup.status).toBe(200);
    expect(await backup.text()).toContain('"gw-b-leaf"');
    const undo = await stack.call(
      'GET',
      `/api/hubs/hub-b/jobs/${created.operationId}/files/undo`,
      'admin',
    );
    expect(undo.status).toBe(200);
    const undoText = await undo.text();
    const restore = await createUploadedImport(stack.forHub('hub-b'), undoText, undoText, 'ndjson');
    const started = await json<StartImportResponse>(
      await stack.call('POST', `/api/hubs/hub-b/imports/${restore.operationId}/start`, 'admin'),
    );
    const job = await waitForJob('hub-b', started.job.jobId ?? '');
    expect(job.status).toBe('completed');
    expect(job.errorLineCount ?? 0).toBe(0);
    const leaf = await restB.ok('GET', '/devices/gw-b-leaf');
    expect(leaf.authentication).toMatchObject({ symmetricKey: { primaryKey: sasKey(2) } });
    const gateway = await restB.ok('GET', '/devices/gw-b');
    expect(leaf.deviceScope).toBe(gateway.deviceScope);
    const module = await restB.ok('GET', '/devices/b-0/modules/m1');
    expect(module.authentication).toMatchObject({ symmetricKey: { primaryKey: sasKey(50) } });
  }, 180_000);
});
