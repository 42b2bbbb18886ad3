import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { TableClient, AzureNamedKeyCredential } from '@azure/data-tables';
import { QueueClient, StorageSharedKeyCredential } from '@azure/storage-queue';
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../../../src/dev-stack/azurite';
import { isAlive } from './process-tree';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('Azurite for the dev stack and the tests', () => {
  let azurite: AzuriteHandle;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 60_000);
  afterAll(async () => {
    await azurite.close();
  });

  it('serves blob, queue and table on the endpoints it names', async () => {
    const blobCredential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
    const container = new ContainerClient(`${azurite.blobEndpoint}/three-services`, blobCredential);
    await container.create();
    const queue = new QueueClient(`${azurite.queueEndpoint}/three-services`, blobCredential);
    await queue.create();
    await queue.sendMessage('hello');
    expect((await queue.peekMessages()).peekedMessageItems[0]?.messageText).toBe('hello');
    const table = new TableClient(
      azurite.tableEndpoint,
      'threeservices',
      new AzureNamedKeyCredential(azurite.accountName, azurite.accountKey),
      { allowInsecureConnection: true },
    );
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r', value: 1 });
    expect((await table.getEntity<{ value: number }>('p', 'r')).value).toBe(1);
    expect(azurite.connectionString).toContain(`TableEndpoint=${azurite.tableEndpoint};`);
    expect(azurite.connectionString).toContain(`QueueEndpoint=${azurite.queueEndpoint};`);
  });
});

describe('Azurite after its parent is killed with SIGKILL', () => {
  it('exits and frees its ports within a few seconds', async () => {
    const parent = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/integration/dev-stack/fixtures/hold-azurite.ts'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const started = await new Promise<{ pid: number; ports: Record<string, number> }>(
      (resolve, reject) => {
        let out = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve(JSON.parse(line) as { pid: number; ports: Record<string, number> });
        });
        parent.once('exit', (code) => reject(new Error(`fixture exited early (${code})`)));
      },
    );
    expect(isAlive(started.pid)).toBe(true);
    const ports = Object.values(started.ports);
    for (const port of ports) expect(await portIsFree(port)).toBe(false);

    parent.kill('SIGKILL');
    const deadline = Date.now() + 5_000;
    while (isAlive(started.pid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));

    expect(isAlive(started.pid)).toBe(false);
    for (const port of ports) expect(await portIsFree(port)).toBe(true);
  }, 60_000);
});
