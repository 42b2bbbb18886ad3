import { createHash } from 'node:crypto';
import { BlockBlobClient } from '@azure/storage-blob';
import type { CreateImportResponse } from '../../../../src/contracts/api/imports';
import type { HubInfoResponse } from '../../../../src/contracts/api/jobs';
import type { ProxyStack } from './proxy-stack';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function importRequestFor(
  devicesText: string,
  sourceText: string,
  extension: 'csv' | 'json' | 'ndjson' | 'txt' = 'csv',
) {
  const rows = devicesText.split('\n').filter((line) => line.trim()).length;
  return {
    fileName: `devices.${extension}`,
    fileSize: Buffer.byteLength(sourceText),
    sourceSha256: sha256(sourceText),
    sourceExtension: extension,
    convertedSize: Math.max(1, Buffer.byteLength(devicesText)),
    convertedSha256: sha256(devicesText),
    rowCounts: { total: rows, valid: rows, invalid: 0, blank: 0 },
    byMode: { create: rows },
  };
}

export async function createImport(
  stack: ProxyStack,
  devicesText: string,
  sourceText: string,
  extension: 'csv' | 'json' | 'ndjson' | 'txt' = 'csv',
): Promise<CreateImportResponse> {
  const response = await stack.call(
    'POST',
    '/api/imports',
    'admin',
    importRequestFor(devicesText, sourceText, extension),
  );
  if (response.status !== 200)
    throw new Error(`create import: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreateImportResponse;
}

/**
 * Creates an import and uploads both files through the SAS URLs the proxy handed out, as the
 * browser does.
 */
export async function createUploadedImport(
  stack: ProxyStack,
  devicesText: string,
  sourceText: string,
  extension: 'csv' | 'json' | 'ndjson' | 'txt' = 'csv',
): Promise<CreateImportResponse> {
  const created = await createImport(stack, devicesText, sourceText, extension);
  await new BlockBlobClient(created.uploads.devices.url).upload(
    devicesText,
    Buffer.byteLength(devicesText),
  );
  await new BlockBlobClient(created.uploads.source.url).upload(
    sourceText,
    Buffer.byteLength(sourceText),
  );
  return created;
}

export async function waitForIdleHub(stack: ProxyStack, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = (await (await stack.call('GET', '/api/hub', 'admin')).json()) as HubInfoResponse;
    if (!info.activeJob) return;
    if (Date.now() > deadline) throw new Error(`hub still busy with ${info.activeJob.jobId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function deviceLines(prefix: string, count: number, withKeys = true): string {
  const key = (n: number): string => Buffer.alloc(32, n).toString('base64');
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `${prefix}-${i}`,
      importMode: 'create',
      status: 'enabled',
      ...(withKeys
        ? {
            authentication: {
              type: 'sas',
              symmetricKey: { primaryKey: key(i + 1), secondaryKey: key(i + 101) },
            },
          }
        : {}),
    }),
  ).join('\n');
}
