import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawRequest,
  readBlobText,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// Job semantics over raw REST (docs/reference/hub-wire-contract.md#create-a-job, #cancel-a-job,
// #job-resource, #job-outputs, #recorded-traffic).
let hub: TestHub;
let storage: TestStorage;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

async function importText(
  name: string,
  text: string,
  target: TestHub = hub,
): Promise<{ job: Record<string, unknown>; log: string }> {
  const container = await storage.container(name);
  await uploadText(container.client, 'devices.txt', text);
  const created = await rawRequest(target, 'POST', '/jobs/create', {
    body: {
      type: 'Import',
      inputBlobContainerUri: container.sasUrl('rl'),
      outputBlobContainerUri: container.sasUrl('rwdl'),
    },
  });
  expect(created.status).toBe(200);
  const job = await waitForJob(target, (created.json as { jobId: string }).jobId);
  return { job, log: await readBlobText(container.client, 'importErrors.log') };
}

describe('job records', () => {
  it('echoes both URIs on create and omits or blanks them on GET, as recorded', async () => {
    const container = await storage.container('shape');
    await uploadText(container.client, 'devices.txt', '{"id":"shape-1"}\n');
    const input = container.sasUrl('rl');
    const output = container.sasUrl('rwdl');
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        jobId: '',
        type: 'import',
        status: 'unknown',
        progress: 0,
        inputBlobContainerUri: input,
        outputBlobContainerUri: output,
      },
    });
    const body = created.json as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'jobId',
      'startTimeUtc',
      'type',
      'status',
      'progress',
      'inputBlobContainerUri',
      'outputBlobContainerUri',
      'excludeKeysInExport',
      'useSecondaryStorageAsSource',
    ]);
    expect(body).toMatchObject({
      type: 'import',
      status: 'enqueued',
      progress: 0,
      inputBlobContainerUri: input,
      outputBlobContainerUri: output,
    });
    expect(body.startTimeUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    const done = await waitForJob(hub, body.jobId as string);
    expect(Object.keys(done)).toEqual([
      'jobId',
      'startTimeUtc',
      'endTimeUtc',
      'type',
      'status',
      'progress',
      'outputBlobContainerUri',
      'excludeKeysInExport',
      'useSecondaryStorageAsSource',
    ]);
    expect(done).toMatchObject({ status: 'completed', progress: 100, outputBlobContainerUri: '' });
    expect(await readBlobText(container.client, 'importErrors.log')).toBe('');
  });

  it('answers 404 JobNotFound for an unknown job', async () => {
    const response = await rawRequest(hub, 'GET', '/jobs/00000000-0000-0000-0000-000000000000');
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      404,
      'JobNotFound',
    ]);
  });

  it('refuses a second job while one is active with JobQuotaExceeded', async () => {
    const paced = await startTestHub({ paceDevicesPerSecond: 20 });
    try {
      const container = await storage.container('quota');
      await uploadText(
        container.client,
        'devices.txt',
        Array.from({ length: 100 }, (_, i) => `{"id":"q-${i}"}`).join('\n'),
      );
      const body = {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('rl'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
      };
      const first = await rawRequest(paced, 'POST', '/jobs/create', { body });
      expect(first.status).toBe(200);
      const second = await rawRequest(paced, 'POST', '/jobs/create', {
        body: { type: 'export', outputBlobContainerUri: container.sasUrl('rwdl') },
      });
      expect(second.status).toBe(403);
      expect(second.headers.get('iothub-errorcode')).toBe('JobQuotaExceeded');
      expect((second.json as { Message: string }).Message).toMatch(/^ErrorCode:JobQuotaExceeded;/);
      const cancelled = await rawRequest(
        paced,
        'DELETE',
        `/jobs/${(first.json as { jobId: string }).jobId}`,
      );
      expect((cancelled.json as { status: string }).status).toBe('cancelled');
    } finally {
      await paced.dispose();
    }
  });

  it('refuses unreadable input and unwritable output with BlobContainerValidationError', async () => {
    const container = await storage.container('validation');
    const readOnly = await rawRequest(hub, 'POST', '/jobs/create', {
      body: { type: 'export', outputBlobContainerUri: container.sasUrl('rl') },
    });
    expect([readOnly.status, readOnly.headers.get('iothub-errorcode')]).toEqual([
      400,
      'BlobContainerValidationError',
    ]);
    const missing = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('rl'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
        inputBlobName: 'nope.txt',
      },
    });
    expect([missing.status, missing.headers.get('iothub-errorcode')]).toEqual([
      400,
      'BlobContainerValidationError',
    ]);
    const writeOnly = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('w'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
      },
    });
    expect(writeOnly.status).toBe(400);
  });
});

describe('import error log', () => {
  it('logs unparseable lines without deviceId, invalid values and over-cap devices, and still completes', async () => {
    const lines = [
      '{"id":"log-1","importMode":"create"}',
      'not json',
      '{"id":"log-2","authentication":{"type":"SELF_SIGNED"}}',
      `{"id":"log-3","authentication":{"symmetricKey":{"primaryKey":"${Buffer.alloc(8).toString('base64')}","secondaryKey":"${Buffer.alloc(8).toString('base64')}"}}}`,
      ...Array.from({ length: 25 }, (_, i) => `{"id":"log-cap-${String(i).padStart(2, '0')}"}`),
    ];
    const capped = await startTestHub({ deviceCap: 20 });
    const { job, log } = await importText('errors', `\uFEFF${lines.join('\r\n')}`, capped).finally(
      () => capped.dispose(),
    );
    expect(job.status).toBe('completed');
    expect(job.failureReason).toBeUndefined();
    expect(log.endsWith('\n')).toBe(true);
    expect(log.includes('\r')).toBe(false);
    const entries = log
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.filter((e) => e.errorCode === 400012)).toHaveLength(2);
    expect(entries.filter((e) => e.errorCode === 400012).every((e) => !('deviceId' in e))).toBe(
      true,
    );
    expect(entries.find((e) => e.errorCode === 400012)?.errorStatus).toMatch(
      /^Invalid device format in line: not json\. /,
    );
    expect(entries.find((e) => e.deviceId === 'log-3')?.errorCode).toBe(400004);
    // 26 creatable lines (log-1 and 25 log-cap-*) against a cap of 20.
    expect(entries.filter((e) => e.errorCode === 403002)).toHaveLength(6);
  });
});

describe('export', () => {
  it('exports devices and modules as CRLF lines, with a notice and null authentication when keys are excluded', async () => {
    await rawRequest(hub, 'PUT', '/devices/exp-edge', {
      body: { capabilities: { iotEdge: true } },
    });
    await rawRequest(hub, 'PUT', '/devices/exp-edge/modules/mod-a', { body: {} });
    await rawRequest(hub, 'PUT', '/configurations/cfg-1', {
      body: { id: 'cfg-1', targetCondition: "tags.site='x'", priority: 3 },
    });
    const container = await storage.container('export-nokeys');
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'export',
        outputBlobContainerUri: container.sasUrl('rwdl'),
        excludeKeysInExport: true,
        includeConfigurations: true,
      },
    });
    const job = await waitForJob(hub, (created.json as { jobId: string }).jobId);
    expect(job.status).toBe('completed');
    const text = await readBlobText(container.client, 'devices.txt');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]?.startsWith('{')).toBe(false);
    const records = lines.slice(1, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.every((r) => r.authentication === null)).toBe(true);
    const module = records.find((r) => r.moduleId === 'mod-a');
    expect(module).toMatchObject({
      id: 'exp-edge',
      status: 'enabled',
      capabilities: { iotEdge: false },
    });
    expect(Object.keys(records.find((r) => r.id === 'exp-edge' && !r.moduleId) ?? {})).toEqual([
      'id',
      'eTag',
      'status',
      'statusReason',
      'authentication',
      'twinETag',
      'tags',
      'properties',
      'capabilities',
      'deviceScope',
      'parentScopes',
    ]);
    expect(records.filter((r) => r.id === 'exp-edge' && r.moduleId).map((r) => r.moduleId)).toEqual(
      ['$edgeAgent', '$edgeHub', 'mod-a'],
    );
    const configurations = await readBlobText(container.client, 'configurations.txt');
    expect(JSON.parse(configurations.split('\r\n')[0] ?? '')).toMatchObject({
      Id: 'cfg-1',
      Priority: 3,
    });
  });

  it('keeps progress at 0 until the end in recorded mode', async () => {
    const recorded = await startTestHub({
      progressMode: 'recorded',
      paceDevicesPerSecond: 100,
      batchSize: 10,
    });
    try {
      const container = await storage.container('recorded');
      await uploadText(
        container.client,
        'devices.txt',
        Array.from({ length: 60 }, (_, i) => `{"id":"r-${i}"}`).join('\n'),
      );
      const created = await rawRequest(recorded, 'POST', '/jobs/create', {
        body: {
          type: 'import',
          inputBlobContainerUri: container.sasUrl('rl'),
          outputBlobContainerUri: container.sasUrl('rwdl'),
        },
      });
      const jobId = (created.json as { jobId: string }).jobId;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const midway = (await rawRequest(recorded, 'GET', `/jobs/${jobId}`)).json as {
        status: string;
        progress: number;
      };
      expect(midway).toEqual(expect.objectContaining({ status: 'running', progress: 0 }));
      expect((await waitForJob(recorded, jobId)).progress).toBe(100);
    } finally {
      await recorded.dispose();
    }
  });

  it('imports configurations with includeConfigurations and logs the bad ones', async () => {
    const container = await storage.container('config-import');
    await uploadText(container.client, 'devices.txt', '{"id":"cfg-dev"}\n');
    await uploadText(
      container.client,
      'configurations.txt',
      '{"Id":"cfg-in","Priority":7,"TargetCondition":"*"}\r\n{"Id":"UPPER"}\r\n',
    );
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'import',
        inputBlobContainerUri: container.sasUrl('rl'),
        outputBlobContainerUri: container.sasUrl('rwdl'),
        includeConfigurations: true,
      },
    });
    expect(created.status).toBe(200);
    expect((await waitForJob(hub, (created.json as { jobId: string }).jobId)).status).toBe(
      'completed',
    );
    const configuration = await rawRequest(hub, 'GET', '/configurations/cfg-in');
    expect(configuration.json).toMatchObject({ id: 'cfg-in', priority: 7, targetCondition: '*' });
    const log = await readBlobText(container.client, 'importConfigErrors.log');
    expect(JSON.parse(log.trimEnd())).toMatchObject({
      configurationId: 'UPPER',
      errorCode: 400004,
    });
  });
});
