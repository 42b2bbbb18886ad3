import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from 'azure-iothub';
import {
  rawRequest,
  readBlobText,
  sdkRegistry,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// identityBased jobs against real Azurite: the emulator reaches the containers with its own
// configured identity (here the account key), never with a SAS from the job.
const USER_ASSIGNED =
  '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/hub-id';
let storage: TestStorage;
let hub: TestHub;
let noIdentity: TestHub;
let registry: Registry;

beforeAll(async () => {
  storage = await startTestStorage();
  const account = {
    accountName: storage.azurite.accountName,
    accountKey: storage.azurite.accountKey,
  };
  [hub, noIdentity] = await Promise.all([
    startTestHub({
      storageIdentities: { systemAssigned: account, userAssigned: { [USER_ASSIGNED]: account } },
    }),
    startTestHub(),
  ]);
  registry = await sdkRegistry(hub.connectionString);
});

afterAll(async () => {
  await Promise.all([hub?.dispose(), noIdentity?.dispose()]);
  await storage?.azurite.close();
});

describe('identity-based job storage', () => {
  it('imports through the SDK by identity from a container URI without a SAS', async () => {
    const container = await storage.container('identity-import');
    await uploadText(
      container.client,
      'devices.txt',
      '{"id":"by-identity-1"}\n{"id":"by-identity-2","importMode":"update"}\n',
    );
    // The SDK's job calls resolve to the job body itself.
    const job = (await registry.importDevicesFromBlobByIdentity(
      container.client.url,
      container.client.url,
    )) as unknown as { jobId: string; storageAuthenticationType: string };
    expect(job.storageAuthenticationType).toBe('identityBased');
    expect((await waitForJob(hub, job.jobId)).status).toBe('completed');
    expect(await readBlobText(container.client, 'importErrors.log')).toBe(
      '{"deviceId":"by-identity-2","errorCode":404001,"errorStatus":"by-identity-2"}\n',
    );
    expect((await rawRequest(hub, 'GET', '/devices/by-identity-1')).status).toBe(200);
  });

  it('exports with a user-assigned identity and echoes it on create', async () => {
    const container = await storage.container('identity-export');
    const job = (await registry.exportDevicesToBlobByIdentity(
      container.client.url,
      true,
      USER_ASSIGNED,
    )) as unknown as { jobId: string; identity: unknown };
    expect(job.identity).toEqual({ userAssignedIdentity: USER_ASSIGNED });
    expect((await waitForJob(hub, job.jobId)).status).toBe('completed');
    expect(await readBlobText(container.client, 'devices.txt')).toContain('"id":"by-identity-1"');
  });

  it('refuses a user-assigned identity the hub does not have', async () => {
    const container = await storage.container('identity-unknown');
    const response = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'export',
        outputBlobContainerUri: container.client.url,
        storageAuthenticationType: 'identityBased',
        identity: { userAssignedIdentity: '/subscriptions/0000/other' },
      },
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'BlobContainerValidationError',
    ]);
  });

  it('refuses identityBased on a hub without a managed identity', async () => {
    const container = await storage.container('identity-none');
    const response = await rawRequest(noIdentity, 'POST', '/jobs/create', {
      body: {
        type: 'export',
        outputBlobContainerUri: container.client.url,
        storageAuthenticationType: 'IdentityBased',
      },
    });
    expect([response.status, response.headers.get('iothub-errorcode')]).toEqual([
      400,
      'BlobContainerValidationError',
    ]);
    expect((response.json as { Message: string }).Message).toMatch(
      /no system-assigned managed identity/,
    );
  });

  it('still needs a SAS for a key-based job, even on a hub with an identity', async () => {
    const container = await storage.container('identity-keybased');
    const response = await rawRequest(hub, 'POST', '/jobs/create', {
      body: {
        type: 'export',
        outputBlobContainerUri: container.client.url,
        storageAuthenticationType: 'keyBased',
      },
    });
    expect(response.status).toBe(400);
  });
});
