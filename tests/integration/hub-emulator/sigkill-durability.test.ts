import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../../src/dev-stack/ports';
import {
  rawRequest,
  readBlobText,
  startTestStorage,
  testTls,
  uploadText,
  waitForJob,
  type HubTarget,
  type TestStorage,
} from './hub-fixture';

// Kill -9 the emulator in the middle of a 100k-device import and start it again on the same data:
// the job must resume from its last committed batch and complete with every device written once
// (an exact resume shows as an empty importErrors.log, since every line is a `create`).
const DEVICES = 100_000;
const root = process.cwd();
let storage: TestStorage;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  storage = await startTestStorage();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-emulator-kill-'));
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await storage?.azurite.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function spawnEmulator(): Promise<HubTarget> {
  const port = await findFreePort();
  const tlsDir = path.dirname((await testTls()).caCertPath);
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/hub-emulator/main.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--cert-dir',
      tlsDir,
      '--batch-size',
      '2000',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let connection = '';
  for await (const line of lines) {
    if (line.startsWith('IOTHUB_CONNECTION_STRING='))
      connection = line.slice('IOTHUB_CONNECTION_STRING='.length);
    if (line.startsWith('IOTHUB_CA_CERT=')) break;
  }
  if (!connection) throw new Error('the emulator printed no connection string');
  return { url: `https://localhost:${port}`, connectionStringFor: () => connection };
}

function killed(process: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    process.once('exit', () => resolve());
    process.kill('SIGKILL');
  });
}

describe('durability', () => {
  it(
    'resumes a 100k import after SIGKILL and completes with every device written exactly once',
    { timeout: 240_000 },
    async () => {
      const container = await storage.container('durability');
      const lines = Array.from({ length: DEVICES }, (_, i) =>
        JSON.stringify({
          id: `dur-${String((i * 7919) % DEVICES).padStart(6, '0')}`,
          importMode: 'create',
          status: 'enabled',
          tags: { wave: 'one' },
        }),
      );
      await uploadText(container.client, 'devices.txt', `${lines.join('\n')}\n`);

      let hub = await spawnEmulator();
      const created = await rawRequest(hub, 'POST', '/jobs/create', {
        body: {
          type: 'import',
          inputBlobContainerUri: container.sasUrl('rl'),
          outputBlobContainerUri: container.sasUrl('rwdl'),
        },
      });
      const jobId = (created.json as { jobId: string }).jobId;
      let progress = 0;
      while (progress < 10) {
        const job = (await rawRequest(hub, 'GET', `/jobs/${jobId}`)).json as {
          progress: number;
          status: string;
        };
        expect(job.status).not.toBe('completed');
        progress = job.progress;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 150)));
      await killed(child as ChildProcess);

      hub = await spawnEmulator();
      const job = await waitForJob(hub, jobId, 180_000);
      expect(job.status).toBe('completed');
      expect(await readBlobText(container.client, 'importErrors.log')).toBe('');
      const stats = (await rawRequest(hub, 'GET', '/statistics/devices')).json as {
        totalDeviceCount: number;
      };
      expect(stats.totalDeviceCount).toBe(DEVICES);
      const tagged = await rawRequest(hub, 'POST', '/devices/query', {
        body: { query: "SELECT COUNT() AS n FROM devices WHERE tags.wave = 'one'" },
      });
      expect(tagged.json).toEqual([{ n: DEVICES }]);
      // main.ts shuts down cleanly on SIGTERM.
      const exitCode = await new Promise<number | null>((resolve) => {
        child?.once('exit', (code) => resolve(code));
        child?.kill('SIGTERM');
      });
      expect(exitCode).toBe(0);
      child = undefined;
    },
  );
});
