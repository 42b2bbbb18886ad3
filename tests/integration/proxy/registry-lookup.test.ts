import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import { TERMINAL_JOB_STATUSES, type Job } from '../../../src/contracts/api/jobs';
import type { RegistryLookupResponse } from '../../../src/contracts/api/registry';
import { planAll } from '../../../src/core/plan';
import { hubRest, sasAuthentication, sasKey, type HubRest } from './support/hub-rest';
import { waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// POST /api/registry/lookup against the real emulator: devices, an edge device with children and
// a module are made through the hub's REST API, looked up through the proxy, and compared with
// what an export job writes for them; the plan then reads the lookup as its registry.

let stack: ProxyStack;
let rest: HubRest;
let edgeScope: string;

beforeAll(async () => {
  stack = await startProxyStack();
  rest = hubRest(stack.hub, stack.tls.caCertPem);
  const put = (id: string, body: Record<string, unknown>) =>
    rest.ok('PUT', `/devices/${id}`, { deviceId: id, ...body });
  await put('lk-sas', { authentication: sasAuthentication(1) });
  await rest.ok('PATCH', '/twins/lk-sas', {
    tags: { site: 'berlin' },
    properties: { desired: { interval: 30 } },
  });
  await put('lk-off', {
    status: 'disabled',
    statusReason: 'retired',
    authentication: sasAuthentication(2),
  });
  const edge = await put('lk-edge', {
    authentication: sasAuthentication(3),
    capabilities: { iotEdge: true },
  });
  edgeScope = String(edge.deviceScope);
  await put('lk-leaf-1', { authentication: sasAuthentication(4), deviceScope: edgeScope });
  await put('lk-leaf-2', { authentication: sasAuthentication(5), deviceScope: edgeScope });
  await put('lk-mod', { authentication: sasAuthentication(6) });
  await rest.ok('PUT', '/devices/lk-mod/modules/m1', {
    deviceId: 'lk-mod',
    moduleId: 'm1',
    authentication: sasAuthentication(7),
  });
  await rest.ok('PATCH', '/twins/lk-mod/modules/m1', { properties: { desired: { a: 1 } } });
});

afterAll(async () => {
  await rest?.close();
  await stack?.close();
});

async function lookup(body: unknown, variant: 'admin' | 'support' = 'admin'): Promise<Response> {
  return stack.call('POST', '/api/registry/lookup', variant, body);
}

async function lookedUp(body: unknown): Promise<RegistryLookupResponse> {
  const response = await lookup(body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as RegistryLookupResponse;
}

/** An export with keys through the proxy, as line text by "id" or "id/moduleId". */
async function exportLines(): Promise<Map<string, string>> {
  await waitForIdleHub(stack);
  const created = await stack.call('POST', '/api/exports', 'admin', { excludeKeys: false });
  const { job } = (await created.json()) as CreateExportResponse;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const polled = (await (
      await stack.call('GET', `/api/jobs/${job.jobId}`, 'admin')
    ).json()) as Job;
    if (polled.status === 'completed') break;
    if (TERMINAL_JOB_STATUSES.includes(polled.status))
      throw new Error(`export ${job.jobId} ended ${polled.status}`);
    if (Date.now() > deadline) throw new Error('export did not end');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const text = await (
    await stack.call('GET', `/api/jobs/${job.jobId}/files/devices`, 'admin')
  ).text();
  const lines = new Map<string, string>();
  for (const line of text.split('\r\n').filter((l) => l.startsWith('{'))) {
    const { id, moduleId } = JSON.parse(line) as { id: string; moduleId?: string };
    lines.set(moduleId ? `${id}/${moduleId}` : id, line);
  }
  return lines;
}

const keyOf = (record: string): string => {
  const { id, moduleId } = JSON.parse(record) as { id: string; moduleId?: string };
  return moduleId ? `${id}/${moduleId}` : id;
};

describe('registry lookup', () => {
  it('answers each found device and module as the line an export job writes for it', async () => {
    const answer = await lookedUp({
      ids: [
        { id: 'lk-sas' },
        { id: 'lk-off' },
        { id: 'lk-edge' },
        { id: 'lk-leaf-1' },
        { id: 'lk-leaf-2' },
        { id: 'lk-mod' },
        { id: 'lk-mod', moduleId: 'm1' },
        { id: 'lk-missing' },
        { id: 'lk-mod', moduleId: 'no-such-module' },
      ],
    });
    expect(answer.missing).toBe(2);
    expect(answer.records.map(keyOf)).toEqual([
      'lk-sas',
      'lk-off',
      'lk-edge',
      'lk-leaf-1',
      'lk-leaf-2',
      'lk-mod',
      'lk-mod/m1',
    ]);
    expect(Date.parse(answer.takenAt)).toBeGreaterThan(Date.now() - 60_000);
    const exported = await exportLines();
    for (const record of answer.records) expect(record).toBe(exported.get(keyOf(record)));
    expect(answer.records[1]).toContain(sasKey(2));
  });

  it('adds every module of a device when asked, the edge runtime modules included', async () => {
    const answer = await lookedUp({
      ids: [{ id: 'lk-edge' }, { id: 'lk-mod' }, { id: 'lk-mod', moduleId: 'm1' }],
      includeModules: true,
    });
    expect(answer.records.map(keyOf)).toEqual([
      'lk-edge',
      'lk-edge/$edgeAgent',
      'lk-edge/$edgeHub',
      'lk-mod',
      'lk-mod/m1',
    ]);
    const exported = await exportLines();
    for (const record of answer.records) expect(record).toBe(exported.get(keyOf(record)));
  });

  it('is a registry the plan reads unchanged: a keyless update keeps the keys it found', async () => {
    const answer = await lookedUp({
      ids: ['lk-off', 'lk-sas', 'lk-missing', 'lk-new-leaf', 'lk-edge'].map((id) => ({ id })),
    });
    const importText = [
      { id: 'lk-off', importMode: 'update', status: 'enabled' },
      { id: 'lk-sas', importMode: 'create' },
      { id: 'lk-missing', importMode: 'update', status: 'disabled' },
      { id: 'lk-new-leaf', importMode: 'create', deviceScope: edgeScope },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const { rows, jobText } = planAll(importText, answer.records.join('\n'), { batchLines: 0 });
    expect(rows.map((row) => [row.id, row.outcome, row.errorCode])).toEqual([
      ['lk-off', 'update', undefined],
      ['lk-sas', 'fail', 409001],
      ['lk-missing', 'fail', 404001],
      ['lk-new-leaf', 'create', undefined],
    ]);
    expect(rows[0]).toMatchObject({ keysKept: true, fields: ['status'] });
    expect(rows[0]?.keysRotated).toBeFalsy();
    const sent = jobText.split('\n').find((line) => line.includes('"lk-off"')) ?? '';
    expect(sent).toContain(sasKey(2));
    expect(sent).toContain(sasKey(102));
  });

  it('writes one audit line with the counts and no key anywhere in the log', async () => {
    const before = stack.logs.length;
    await lookedUp({ ids: [{ id: 'lk-sas' }, { id: 'lk-mod', moduleId: 'm1' }, { id: 'x-none' }] });
    const logged = stack.logs.slice(before);
    const audit = logged.filter((entry) => entry.type === 'audit');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'registry.lookup',
      result: 'ok',
      who: { objectId: 'oid-admin' },
      details: { ids: 3, found: 2, missing: 1 },
    });
    const text = JSON.stringify(logged);
    for (const seed of [1, 101, 7, 107]) expect(text).not.toContain(sasKey(seed));
  });

  it('refuses support staff: the lines carry keys', async () => {
    const response = await lookup({ ids: [{ id: 'lk-sas' }] }, 'support');
    expect(response.status).toBe(403);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('FORBIDDEN');
  });

  it('refuses more than 1000 ids with the limit in the message', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => ({ id: `many-${i}` }));
    const response = await lookup({ ids });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('1000');
    expect((await lookup({ ids: ids.slice(0, 1000) })).status).toBe(200);
  });

  it('refuses an empty list and an id the hub could not hold', async () => {
    expect((await lookup({ ids: [] })).status).toBe(400);
    expect((await lookup({ ids: [{ id: 'has space' }] })).status).toBe(400);
  });
});
