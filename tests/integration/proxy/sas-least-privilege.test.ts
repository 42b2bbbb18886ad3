import {
  BlobServiceClient,
  BlockBlobClient,
  ContainerClient,
  RestError,
} from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateImportResponse } from '../../../src/contracts/api/imports';
import { startAzurite, type AzuriteHandle } from '../../../src/dev-stack/azurite';
import { createProxy } from '../../../src/proxy/server';
import {
  createOperationStorage,
  type OperationStorage,
} from '../../../src/proxy/storage/operation-storage';
import { hubOutputContainerName, newOperationId } from '../../../src/proxy/storage/operation-names';
import { importRequestFor } from './support/import-fixture';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
} from './support/test-authority';

// Every grant the proxy mints is tried against Azurite for what it must NOT allow. These tests need
// no hub: creating an import and minting SAS never call it.

let azurite: AzuriteHandle;
let authority: TestAuthority;
let proxy: { url: string; close(): Promise<void> };
let storage: OperationStorage;
let admin: BlobServiceClient;

const statusOf = async (work: () => Promise<unknown>): Promise<number> => {
  try {
    await work();
    return 200;
  } catch (error) {
    if (error instanceof RestError) return error.statusCode ?? -1;
    throw error;
  }
};

const swapBlob = (url: string, blobName: string): string => {
  const parsed = new URL(url);
  parsed.pathname = parsed.pathname.replace(/[^/]+$/, blobName);
  return parsed.toString();
};

async function createImportViaProxy(): Promise<CreateImportResponse> {
  const response = await fetch(`${proxy.url}/api/imports`, {
    method: 'POST',
    headers: {
      authorization: (await authority.authorization('admin')) ?? '',
      'content-type': 'application/json',
    },
    body: JSON.stringify(importRequestFor('{"id":"a"}', 'id\na')),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as CreateImportResponse;
}

beforeAll(async () => {
  azurite = await startAzurite();
  authority = await startTestAuthority();
  proxy = await createProxy({
    auth: {
      issuer: authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: authority.jwksUri,
      roles: ROLE_NAMES,
    },
    hub: {
      connectionString: `HostName=hub.invalid;SharedAccessKeyName=iothubowner;SharedAccessKey=${Buffer.alloc(32).toString('base64')}`,
    },
    storage: {
      accountName: azurite.accountName,
      accountKey: azurite.accountKey,
      blobEndpoint: azurite.blobEndpoint,
      tableEndpoint: azurite.tableEndpoint,
    },
    spa: {
      auth: {
        clientId: TEST_CLIENT_ID,
        authority: 'https://localhost:8443/t',
        knownAuthorities: [],
        apiScope: 's',
      },
      storageEndpoint: azurite.blobEndpoint,
      hubHostName: 'hub.invalid',
    },
    log: () => undefined,
  });
  storage = createOperationStorage({
    accountName: azurite.accountName,
    blobEndpoint: azurite.blobEndpoint,
    auth: { kind: 'sharedKey', accountKey: azurite.accountKey },
    now: () => new Date(),
  });
  admin = BlobServiceClient.fromConnectionString(azurite.connectionString);
});

afterAll(async () => {
  await proxy?.close();
  await authority?.close();
  await azurite?.close();
});

describe('upload SAS', () => {
  it('is a blob SAS with create+write only, for about 30 minutes', async () => {
    const created = await createImportViaProxy();
    for (const target of [created.uploads.devices, created.uploads.source]) {
      const params = new URL(target.url).searchParams;
      expect(params.get('sr')).toBe('b');
      expect(params.get('sp')).toBe('cw');
      const minutes = (new Date(params.get('se') ?? '').getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(28);
      expect(minutes).toBeLessThanOrEqual(30.1);
    }
    expect(created.uploads.devices.blobName).toBe('devices.txt');
    expect(created.uploads.source.blobName).toBe('source.csv');
  });

  it('writes its own blob and can neither read, delete nor list it', async () => {
    const created = await createImportViaProxy();
    const blob = new BlockBlobClient(created.uploads.devices.url);
    expect(await statusOf(() => blob.upload('{"id":"a"}', 10))).toBe(200);
    expect(await statusOf(() => blob.download())).toBe(403);
    expect(await statusOf(() => blob.delete())).toBe(403);
    const containerUrl = new URL(created.uploads.devices.url);
    containerUrl.pathname = containerUrl.pathname.replace(/\/[^/]+$/, '');
    containerUrl.searchParams.set('restype', 'container');
    containerUrl.searchParams.set('comp', 'list');
    expect((await fetch(containerUrl)).status).toBe(403);
  });

  it('cannot write any other blob in the container', async () => {
    const created = await createImportViaProxy();
    const other = new BlockBlobClient(swapBlob(created.uploads.devices.url, 'importErrors.log'));
    expect(await statusOf(() => other.upload('x', 1))).toBe(403);
    const viaSourceGrant = new BlockBlobClient(swapBlob(created.uploads.source.url, 'devices.txt'));
    expect(await statusOf(() => viaSourceGrant.upload('x', 1))).toBe(403);
  });

  it('cannot write into another container', async () => {
    const first = await createImportViaProxy();
    const second = await createImportViaProxy();
    const url = new URL(first.uploads.devices.url);
    url.pathname = url.pathname.replace(first.operationId, second.operationId);
    expect(await statusOf(() => new BlockBlobClient(url.toString()).upload('x', 1))).toBe(403);
    const service = new URL(first.uploads.devices.url);
    service.pathname = `/${azurite.accountName}`;
    service.searchParams.set('comp', 'list');
    expect((await fetch(service)).status).toBe(403);
  });

  it('stops working once expired', async () => {
    const past = new Date(Date.now() - 31 * 60_000);
    const pastStorage = createOperationStorage({
      accountName: azurite.accountName,
      blobEndpoint: azurite.blobEndpoint,
      auth: { kind: 'sharedKey', accountKey: azurite.accountKey },
      now: () => past,
    });
    const operationId = newOperationId('import', new Date());
    await admin.getContainerClient(operationId).create();
    const grant = await pastStorage.uploadSas(operationId, 'devices.txt', 30);
    expect(new Date(grant.expiresOn).getTime()).toBeLessThan(Date.now());
    expect(await statusOf(() => new BlockBlobClient(grant.url).upload('x', 1))).toBe(403);
  });
});

describe('hub job SAS', () => {
  let operationId: string;
  beforeAll(async () => {
    operationId = newOperationId('import', new Date());
    const container = admin.getContainerClient(operationId);
    await container.create();
    await container.getBlockBlobClient('devices.txt').upload('{"id":"a"}', 10);
  });

  it('gives the input container read only, container-scoped, for about 24 hours', async () => {
    const grant = await storage.hubContainerSas(operationId, 'input', 24);
    const params = new URL(grant.url).searchParams;
    expect(params.get('sr')).toBe('c');
    expect(params.get('sp')).toBe('r');
    expect((new Date(params.get('se') ?? '').getTime() - Date.now()) / 3600_000).toBeGreaterThan(
      23.9,
    );
    const container = new ContainerClient(grant.url);
    expect(await statusOf(() => container.getBlobClient('devices.txt').download())).toBe(200);
    expect(await statusOf(() => container.getBlockBlobClient('devices.txt').upload('x', 1))).toBe(
      403,
    );
    expect(await statusOf(() => container.getBlockBlobClient('devices.txt').delete())).toBe(403);
    expect(await statusOf(() => container.listBlobsFlat().next())).toBe(403);
  });

  it('gives the output container read+write+delete and nothing else', async () => {
    const grant = await storage.hubContainerSas(operationId, 'output', 24);
    const params = new URL(grant.url).searchParams;
    expect(params.get('sr')).toBe('c');
    expect(params.get('sp')).toBe('rwd');
    const container = new ContainerClient(grant.url);
    const log = container.getBlockBlobClient('importErrors.log');
    expect(await statusOf(() => log.upload('', 0))).toBe(200);
    expect(await statusOf(() => log.download())).toBe(200);
    expect(await statusOf(() => log.delete())).toBe(200);
    expect(await statusOf(() => container.listBlobsFlat().next())).toBe(403);
    expect(await statusOf(() => container.setMetadata({ jobid: 'forged' }))).toBe(403);
    expect(await statusOf(() => container.delete())).toBe(403);
  });

  it("puts an import's output in a container of its own, so the write grant never covers the inputs", async () => {
    const grant = await storage.hubContainerSas(operationId, 'output', 24);
    const url = new URL(grant.url);
    expect(url.pathname.endsWith(`/${hubOutputContainerName(operationId)}`)).toBe(true);
    url.pathname = url.pathname.replace(hubOutputContainerName(operationId), operationId);
    const inputs = new ContainerClient(url.toString());
    expect(await statusOf(() => inputs.getBlobClient('devices.txt').download())).toBe(403);
    expect(await statusOf(() => inputs.getBlockBlobClient('devices.txt').upload('x', 1))).toBe(403);
    expect(
      await statusOf(() => inputs.getBlockBlobClient('input/devices.txt').upload('x', 1)),
    ).toBe(403);
    expect(await statusOf(() => inputs.getBlockBlobClient('devices.txt').delete())).toBe(403);
  });

  it('does not reach any other container', async () => {
    const grant = await storage.hubContainerSas(operationId, 'output', 24);
    const other = newOperationId('import', new Date());
    await admin.getContainerClient(other).create();
    const url = new URL(grant.url);
    url.pathname = url.pathname.replace(operationId, other);
    expect(
      await statusOf(() =>
        new ContainerClient(url.toString()).getBlockBlobClient('x').upload('x', 1),
      ),
    ).toBe(403);
  });
});

describe('admin read SAS', () => {
  it('reads exactly one blob for about 10 minutes', async () => {
    const operationId = newOperationId('export', new Date());
    const container = admin.getContainerClient(operationId);
    await container.create();
    await container.getBlockBlobClient('devices.txt').upload('{"id":"a"}', 10);
    await container.getBlockBlobClient('configurations.txt').upload('{}', 2);
    const grant = await storage.readSas(operationId, 'devices.txt', 10);
    const params = new URL(grant.url).searchParams;
    expect([params.get('sr'), params.get('sp')]).toEqual(['b', 'r']);
    expect((new Date(grant.expiresOn).getTime() - Date.now()) / 60_000).toBeLessThanOrEqual(10.1);
    expect(await statusOf(() => new BlockBlobClient(grant.url).download())).toBe(200);
    expect(await statusOf(() => new BlockBlobClient(grant.url).upload('x', 1))).toBe(403);
    expect(
      await statusOf(() =>
        new BlockBlobClient(swapBlob(grant.url, 'configurations.txt')).download(),
      ),
    ).toBe(403);
  });
});
