import {
  BlobServiceClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { Job, JobCommand } from '../../../src/contracts/api/jobs';
import { hubRest, type HubRest } from './support/hub-rest';
import { createUploadedImport, deviceLines, waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// "Show me the command" is only worth showing if it works: the command of a job the console ran is
// replayed against the hub with SAS tokens minted by the test for the permissions it names, and
// the hub runs it. No signature appears in what either role is shown.

let stack: ProxyStack;
let hub: HubRest;

beforeAll(async () => {
  stack = await startProxyStack();
  hub = hubRest(stack.hub, stack.tls.caCertPem);
});

afterAll(async () => {
  await hub?.close();
  await stack?.close();
});

async function waitForEnd(ref: string): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await (await stack.call('GET', `/api/jobs/${ref}`, 'admin')).json()) as Job;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job did not end: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function commandOf(ref: string, role: 'admin' | 'support'): Promise<JobCommand> {
  const response = await stack.call('GET', `/api/jobs/${ref}/command`, role);
  expect(response.status).toBe(200);
  return (await response.json()) as JobCommand;
}

/** Puts a real SAS where the command has `?<SAS token: sp=..., se=...>`, as an admin would. */
function withRealSas(uri: string): string {
  const match = /^(.*)\/([^/?]+)\?<SAS token: sp=([a-z]+), se=([^>]+)>$/.exec(uri);
  if (!match) throw new Error(`not a redacted container URI: ${uri}`);
  const [, base, containerName, permissions, expiresOn] = match;
  const credential = new StorageSharedKeyCredential(
    stack.azurite.accountName,
    stack.azurite.accountKey,
  );
  const sas = generateBlobSASQueryParameters(
    {
      containerName: containerName!,
      permissions: ContainerSASPermissions.parse(permissions!),
      expiresOn: new Date(expiresOn!),
    },
    credential,
  ).toString();
  return `${base}/${containerName}?${sas}`;
}

async function replay(command: JobCommand): Promise<Record<string, unknown>> {
  const body = { ...command.rest.body };
  for (const name of ['inputBlobContainerUri', 'outputBlobContainerUri'])
    if (typeof body[name] === 'string') body[name] = withRealSas(body[name]);
  const created = await hub.ok('POST', '/jobs/create', body);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await hub.ok('GET', `/jobs/${String(created.jobId)}`);
    if (['completed', 'failed', 'cancelled'].includes(String(job.status))) return job;
    if (Date.now() > deadline) throw new Error(`replayed job did not end: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the command behind a job', () => {
  it('replays an import: the hub reads the frozen input the console started it with', async () => {
    await waitForIdleHub(stack);
    const created = await createUploadedImport(stack, deviceLines('cmd', 3), 'id\nx');
    expect(
      (await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')).status,
    ).toBe(200);
    await waitForEnd(created.operationId);

    const command = await commandOf(created.operationId, 'support');
    expect(JSON.stringify(command)).not.toMatch(/sig=|SharedAccessKey|AccountKey/);
    expect(command.az).toMatch(/^az iot hub device-identity import --hub-name '[^']+' /);
    expect(command.rest.body).toMatchObject({
      type: 'import',
      inputBlobName: 'input/devices.txt',
      storageAuthenticationType: 'keyBased',
    });
    expect(command.notes.join(' ')).toMatch(/az always imports devices.txt/);
    expect(await commandOf(created.operationId, 'admin')).toEqual(command);

    // The devices exist now, so the replayed create refuses each line: the hub read that file.
    const replayed = await replay(command);
    expect(replayed.status).toBe('completed');
  });

  it('replays an export with keys into the same container', async () => {
    await waitForIdleHub(stack);
    const response = await stack.call('POST', '/api/exports', 'admin', { excludeKeys: false });
    const { job } = (await response.json()) as CreateExportResponse;
    await waitForEnd(job.jobId!);
    const command = await commandOf(job.jobId!, 'admin');
    expect(command.az).toContain('--include-keys true');
    expect(command.rest.body).toMatchObject({ type: 'export', excludeKeysInExport: false });
    expect((await replay(command)).status).toBe('completed');
  });

  it('answers 404 COMMAND_UNKNOWN for a job the console did not start', async () => {
    await waitForIdleHub(stack);
    const credential = new StorageSharedKeyCredential(
      stack.azurite.accountName,
      stack.azurite.accountKey,
    );
    await new BlobServiceClient(stack.azurite.blobEndpoint, credential)
      .getContainerClient('outside-export')
      .createIfNotExists();
    const outside = await hub.ok('POST', '/jobs/create', {
      type: 'export',
      outputBlobContainerUri: withRealSas(
        `${stack.azurite.blobEndpoint}/outside-export?<SAS token: sp=rwd, se=${new Date(Date.now() + 3600_000).toISOString()}>`,
      ),
      excludeKeysInExport: true,
    });
    const answer = await stack.call('GET', `/api/jobs/${String(outside.jobId)}/command`, 'admin');
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as ApiErrorBody).error.code).toBe('COMMAND_UNKNOWN');
  });
});
