import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyResponse } from '../../../src/contracts/api/copies';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job } from '../../../src/contracts/api/jobs';
import { hubRest, sasAuthentication, sasKey, type HubRest } from './support/hub-rest';
import { startTwoHubStack, type TwoHubId, type TwoHubStack } from './support/two-hub-stack';

// The copy of hub-a into hub-b run by the proxy (docs/bulk-flows.md, "Copy a hub into another",
// in the console), on one proxy over two real emulator hubs and Azurite: hub-a's export with keys
// is rewritten blob to blob into hub-b's import, the import is started like any other, and the
// verification exports hub-b and finds every identity identical. Nothing the console reads of a
// copy holds a key.

let stack: TwoHubStack;
let rest: HubRest;
const PLAIN = 24;

beforeAll(async () => {
  stack = await startTwoHubStack();
  rest = hubRest(stack.hubs['hub-a'], stack.forHub('hub-a').tls.caCertPem);
  const put = (id: string, body: Record<string, unknown>) =>
    rest.ok('PUT', `/devices/${id}`, { deviceId: id, ...body });
  const gateway = await put('gw-1', {
    authentication: sasAuthentication(1),
    capabilities: { iotEdge: true },
  });
  await put('gw-1-child', {
    authentication: sasAuthentication(2),
    deviceScope: String(gateway.deviceScope),
  });
  await rest.ok('PUT', '/configurations/site-rollout', {
    id: 'site-rollout',
    labels: { wave: '1' },
    targetCondition: "tags.site='site-0'",
    priority: 5,
    content: { deviceContent: { 'properties.desired.interval': 45 } },
  });
  for (let n = 0; n < PLAIN; n++) {
    const id = `dev-${String(n).padStart(2, '0')}`;
    await put(id, {
      authentication: sasAuthentication(10 + n),
      ...(n % 8 === 0 ? { status: 'disabled', statusReason: 'retired' } : {}),
    });
    if (n % 6 === 0) {
      await rest.ok('PUT', `/devices/${id}/modules/telemetry`, {
        deviceId: id,
        moduleId: 'telemetry',
        authentication: sasAuthentication(60 + n),
      });
      await rest.ok('PATCH', `/twins/${id}`, {
        tags: { site: `site-${n}` },
        properties: { desired: { interval: n } },
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await rest?.close();
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

// 2 + PLAIN devices, 4 telemetry modules, the gateway's 2 runtime modules.
const IDENTITIES = 2 + PLAIN + 4 + 2;

describe('POST /api/hubs/{target}/copies', () => {
  let sourceExport: string;
  let copy: CopyResponse;

  it('refuses what cannot be copied, each with its code', async () => {
    sourceExport = await exportOf('hub-a', false);
    const keyless = await exportOf('hub-a', true);
    const body = (over: Record<string, unknown>) => ({
      sourceHubId: 'hub-a',
      sourceExportOperationId: sourceExport,
      mode: 'create',
      ...over,
    });
    const cases: [string, unknown, TwoHubId, number, string][] = [
      ['same hub', body({}), 'hub-a', 400, 'COPY_SAME_HUB'],
      [
        'keyless',
        body({ sourceExportOperationId: keyless }),
        'hub-b',
        409,
        'COPY_SOURCE_WITHOUT_KEYS',
      ],
      [
        'unknown export',
        body({ sourceExportOperationId: 'export-20261208-aaaaaaaaaa' }),
        'hub-b',
        404,
        'COPY_SOURCE_NOT_FOUND',
      ],
      // An export id of hub-a asked for as hub-b's own export is unknown there.
      ['other hub', body({ sourceHubId: 'hub-b' }), 'hub-a', 404, 'COPY_SOURCE_NOT_FOUND'],
      ['unknown hub', body({ sourceHubId: 'hub-c' }), 'hub-b', 404, 'HUB_NOT_FOUND'],
      ['bad mode', body({ mode: 'delete' }), 'hub-b', 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, request, target, status, code] of cases) {
      const response = await stack.call('POST', `/api/hubs/${target}/copies`, 'admin', request);
      expect(response.status, name).toBe(status);
      expect(await codeOf(response), name).toBe(code);
    }
    // An admin of the target only may not read the source: the scope's narrowed roles are not
    // taken for the source's.
    const adminOfB = await stack.call(
      'POST',
      '/api/hubs/hub-b/copies',
      { roles: ['HubB.Admin'] },
      body({}),
    );
    expect(adminOfB.status).toBe(403);
    expect(await codeOf(adminOfB)).toBe('FORBIDDEN');
    const supportOfBoth = await stack.call(
      'POST',
      '/api/hubs/hub-b/copies',
      { roles: ['HubA.Admin', 'HubB.Support'] },
      body({}),
    );
    expect(supportOfBoth.status).toBe(403);
  }, 120_000);

  it('writes hub-b an import of hub-a, with the report of what it left out and no key', async () => {
    const response = await stack.call(
      'POST',
      '/api/hubs/hub-b/copies',
      { roles: ['HubA.Admin', 'HubB.Admin'] },
      { sourceHubId: 'hub-a', sourceExportOperationId: sourceExport, mode: 'create' },
    );
    copy = await json<CopyResponse>(response);
    expect(copy).toMatchObject({
      sourceHubId: 'hub-a',
      targetHubId: 'hub-b',
      mode: 'create',
      state: 'ready',
      counts: { devices: 2 + PLAIN, modules: 4, adjusted: {}, configurations: 1 },
    });
    expect(Object.values(copy.counts.skipped)).toEqual([2]);
    expect(JSON.stringify(copy)).not.toContain(sasKey(1));
    expect(
      await json<CopyResponse>(
        await stack.call('GET', `/api/hubs/hub-b/copies/${copy.operationId}`, 'admin'),
      ),
    ).toEqual(copy);
    // The copy is hub-b's: under hub-a's URL the id is unknown.
    const elsewhere = await stack.call(
      'GET',
      `/api/hubs/hub-a/copies/${copy.operationId}`,
      'admin',
    );
    expect(elsewhere.status).toBe(404);
    expect(await codeOf(elsewhere)).toBe('COPY_NOT_FOUND');

    const report = await stack.call(
      'GET',
      `/api/hubs/hub-b/copies/${copy.operationId}/report`,
      'admin',
    );
    expect(report.status).toBe(200);
    const lines = (await report.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.moduleId, l.outcome])).toEqual([
      ['gw-1', '$edgeAgent', 'skipped'],
      ['gw-1', '$edgeHub', 'skipped'],
    ]);
    expect(lines.every((l) => typeof l.line === 'number' && typeof l.reason === 'string')).toBe(
      true,
    );
    const support = await stack.call(
      'GET',
      `/api/hubs/hub-b/copies/${copy.operationId}`,
      'support',
    );
    expect(support.status).toBe(403);
  }, 120_000);

  it('is not verified before its import ran, then imports and verifies identical', async () => {
    const early = await stack.call(
      'POST',
      `/api/hubs/hub-b/copies/${copy.operationId}/verify`,
      'admin',
    );
    expect(early.status).toBe(409);
    expect(await codeOf(early)).toBe('COPY_IMPORT_NOT_DONE');

    const started = await json<StartImportResponse>(
      await stack.call('POST', `/api/hubs/hub-b/imports/${copy.operationId}/start`, 'admin'),
    );
    const imported = await waitForJob('hub-b', started.job.jobId ?? '');
    expect(imported.status).toBe('completed');
    expect(imported.errorLineCount ?? 0).toBe(0);

    let verified: CopyResponse | undefined;
    const deadline = Date.now() + 60_000;
    while (verified?.verification?.state !== 'done') {
      if (Date.now() > deadline) throw new Error(`verification ${JSON.stringify(verified)}`);
      verified = await json<CopyResponse>(
        await stack.call('POST', `/api/hubs/hub-b/copies/${copy.operationId}/verify`, 'admin'),
      );
      expect(verified.verification?.state).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(verified.verification).toMatchObject({
      state: 'done',
      ok: true,
      total: IDENTITIES,
      identical: IDENTITIES - 2,
      runtimeKeysMadeByTarget: 2,
      differenceCount: 0,
      differences: [],
      configurations: { total: 1, identical: 1, differences: [] },
      summary: `${IDENTITIES} of ${IDENTITIES} identical (2 of them IoT Edge runtime modules whose keys the target made itself); configurations: 1 of 1 identical`,
    });
    // Reopened later (the console's resumable page), the copy says the same.
    const reopened = await json<CopyResponse>(
      await stack.call('GET', `/api/hubs/hub-b/copies/${copy.operationId}`, 'admin'),
    );
    expect(reopened.verification).toEqual(verified.verification);
    expect(reopened.jobId).toBe(started.job.jobId);
  }, 180_000);

  it('lists what differs when the target changed after a re-run in createOrUpdate', async () => {
    const rerun = await json<CopyResponse>(
      await stack.call('POST', '/api/hubs/hub-b/copies', 'admin', {
        sourceHubId: 'hub-a',
        sourceExportOperationId: sourceExport,
        mode: 'createOrUpdate',
      }),
    );
    expect(rerun).toMatchObject({ mode: 'createOrUpdate', state: 'ready' });
    const started = await json<StartImportResponse>(
      await stack.call('POST', `/api/hubs/hub-b/imports/${rerun.operationId}/start`, 'admin'),
    );
    expect((await waitForJob('hub-b', started.job.jobId ?? '')).status).toBe('completed');
    // Someone deletes a device of the target before the verification.
    const restB = hubRest(stack.hubs['hub-b'], stack.forHub('hub-b').tls.caCertPem);
    try {
      const deleted = await restB.send('DELETE', '/devices/dev-05', undefined, {
        'if-match': '*',
      });
      expect([200, 204]).toContain(deleted.status);
    } finally {
      await restB.close();
    }
    let verified: CopyResponse | undefined;
    const deadline = Date.now() + 60_000;
    while (verified?.verification?.state !== 'done') {
      if (Date.now() > deadline) throw new Error(`verification ${JSON.stringify(verified)}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      verified = await json<CopyResponse>(
        await stack.call('POST', `/api/hubs/hub-b/copies/${rerun.operationId}/verify`, 'admin'),
      );
    }
    expect(verified.verification).toMatchObject({
      state: 'done',
      ok: false,
      identical: IDENTITIES - 3,
      differenceCount: 1,
      differences: [{ id: 'dev-05', kind: 'removed', fields: [] }],
    });
    // The first copy keeps its own result.
    const first = await json<CopyResponse>(
      await stack.call('GET', `/api/hubs/hub-b/copies/${copy.operationId}`, 'admin'),
    );
    expect(first.verification).toMatchObject({ state: 'done', ok: true });
  }, 180_000);
});
