import { createHash } from 'node:crypto';
import { BlockBlobClient, RestError } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { StartImportResponse } from '../../../src/contracts/api/imports';
import { createOperationStorage } from '../../../src/proxy/storage/operation-storage';
import {
  createImport,
  createUploadedImport,
  deviceLines,
  waitForIdleHub,
} from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// docs/proxy.md#what-the-audit-proves: the audit records what the hub imported, as the proxy
// measured it, and nothing the browser was given can change the hub's inputs once the import has
// started.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack();
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function storage() {
  return createOperationStorage({
    accountName: stack.azurite.accountName,
    blobEndpoint: stack.azurite.blobEndpoint,
    auth: { kind: 'sharedKey', accountKey: stack.azurite.accountKey },
    now: () => new Date(),
  });
}

async function upload(url: string, text: string): Promise<void> {
  await new BlockBlobClient(url).upload(text, Buffer.byteLength(text));
}

describe('the converted file the proxy measures itself', () => {
  it('refuses a start when devices.txt is not the file the import was created for', async () => {
    const claimed = deviceLines('claimed', 3);
    const created = await createImport(stack, claimed, 'id\nclaimed-0');
    const other = deviceLines('other', 4);
    await upload(created.uploads.devices.url, other);
    const response = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(response.status).toBe(409);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.code).toBe('CONVERTED_FILE_MISMATCH');
    expect(body.error.details).toMatchObject({
      claimed: { size: Buffer.byteLength(claimed), sha256: sha256(claimed) },
      stored: { size: Buffer.byteLength(other), sha256: sha256(other) },
    });
    const metadata = await storage().readOperation(created.operationId);
    expect(metadata?.jobId).toBeUndefined();
    expect(metadata?.startClaimedAt).toBeUndefined();
  });

  it('records its own size and SHA-256 of the file it started, and audits that hash', async () => {
    await waitForIdleHub(stack);
    const text = deviceLines('measured', 2);
    const created = await createImport(stack, text, 'id\nmeasured-0');
    await upload(created.uploads.devices.url, text);
    const response = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as StartImportResponse;
    const metadata = await storage().readOperation(created.operationId);
    expect(metadata).toMatchObject({
      jobId: job.jobId,
      verifiedSize: Buffer.byteLength(text),
      verifiedSha256: sha256(text),
    });
    const audit = stack.logs.find(
      (entry) => entry.action === 'import.start' && entry.operationId === created.operationId,
    );
    expect(audit?.fileSha256).toBe(sha256(text));
  });
});

const statusOf = async (work: () => Promise<unknown>): Promise<number> => {
  try {
    await work();
    return 200;
  } catch (error) {
    if (error instanceof RestError) return error.statusCode ?? -1;
    throw error;
  }
};

const renamed = (url: string, blobName: string): string => {
  const parsed = new URL(url);
  parsed.pathname = parsed.pathname.replace(/[^/]+$/, blobName);
  return parsed.toString();
};

describe('the inputs after a start', () => {
  it('cannot be changed through an upload grant minted before the start', async () => {
    await waitForIdleHub(stack);
    const text = deviceLines('frozen', 2);
    const created = await createUploadedImport(stack, text, 'id\nfrozen-0');
    const response = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
    expect(response.status).toBe(200);

    const forged = deviceLines('forged', 3);
    const overwrite = (url: string) => () =>
      new BlockBlobClient(url).upload(forged, Buffer.byteLength(forged));
    // The uploaded blobs are locked (412 LeaseIdMissing), and the copy the hub reads is not named
    // by any upload grant (403).
    expect(await statusOf(overwrite(created.uploads.devices.url))).toBe(412);
    expect(await statusOf(overwrite(created.uploads.source.url))).toBe(412);
    expect(
      await statusOf(overwrite(renamed(created.uploads.devices.url, 'input/devices.txt'))),
    ).toBe(403);
    const devices = await stack.call(
      'GET',
      `/api/jobs/${created.operationId}/files/devices`,
      'admin',
    );
    expect(await devices.text()).toBe(text);
    expect((await storage().readOperation(created.operationId))?.verifiedSha256).toBe(sha256(text));
  });
});
