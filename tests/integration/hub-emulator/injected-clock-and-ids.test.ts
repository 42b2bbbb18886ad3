import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSas } from '../../../src/hub-emulator/auth/sign-sas';
import { dotNetTicks } from '../../../src/hub-emulator/model/hub-time';
import {
  rawRequest,
  startTestHub,
  startTestStorage,
  uploadText,
  waitForJob,
  type TestHub,
  type TestStorage,
} from './hub-fixture';

// Every instant, id and generated key the emulator hands out comes from its options, so a test can
// pin them: a fixed clock far from the wall clock, numbered ids and one known key.
const FIXED = new Date('2031-02-03T04:05:06.789Z');
const KEY = Buffer.alloc(32, 9).toString('base64');
let counter = 0;
const nextId = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

let hub: TestHub;
let storage: TestStorage;

beforeAll(async () => {
  [hub, storage] = await Promise.all([
    startTestHub({ clock: () => FIXED, newId: nextId, newKey: () => KEY }),
    startTestStorage(),
  ]);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe('injected clock, ids and keys', () => {
  it('signs policies and generates device keys with the injected key source', async () => {
    expect(hub.connectionString).toContain(`SharedAccessKey=${KEY}`);
    const created = await rawRequest(hub, 'PUT', '/devices/fixed-1', { body: {} });
    expect(created.status).toBe(200);
    const device = created.json as {
      generationId: string;
      authentication: { symmetricKey: { primaryKey: string; secondaryKey: string } };
    };
    expect(device.generationId).toBe(dotNetTicks(FIXED));
    expect(device.authentication.symmetricKey).toEqual({ primaryKey: KEY, secondaryKey: KEY });
  });

  it('judges SAS expiry by the injected clock, not the wall clock', async () => {
    const wallClockToken = signSas(
      'localhost',
      'iothubowner',
      KEY,
      Math.floor(Date.now() / 1000) + 3600,
    );
    const response = await rawRequest(hub, 'GET', '/statistics/devices', { auth: wallClockToken });
    expect(response.status).toBe(401);
  });

  it('stamps error tracking ids and timestamps from the injected sources', async () => {
    const before = counter;
    const missing = await rawRequest(hub, 'GET', '/devices/nobody');
    const requestId = `00000000-0000-4000-8000-${String(before + 1).padStart(12, '0')}`;
    expect(missing.headers.get('x-ms-request-id')).toBe(requestId);
    expect((missing.json as { ExceptionMessage: string }).ExceptionMessage).toBe(
      `Tracking ID:${requestId.replaceAll('-', '')}-G:0-TimeStamp:02/03/2031 04:05:06`,
    );
  });

  it('names jobs with the injected ids and times them with the injected clock', async () => {
    const container = await storage.container('fixed-clock-export');
    const created = await rawRequest(hub, 'POST', '/jobs/create', {
      body: { type: 'export', outputBlobContainerUri: container.sasUrl('rwdl') },
    });
    const job = created.json as { jobId: string; startTimeUtc: string };
    expect(job.jobId).toMatch(/^00000000-0000-4000-8000-\d{12}$/);
    expect(job.startTimeUtc).toBe('2031-02-03T04:05:06.7890000Z');
    const done = await waitForJob(hub, job.jobId);
    expect(done.endTimeUtc).toBe('2031-02-03T04:05:06.7890000Z');
  });

  it('paces an import by the injected pacing timer and stamps it by the frozen clock', async () => {
    // Each read of the pacing timer is a minute after the last, so every batch is already late
    // and the job never sleeps; at one device a second on the wall clock it would take seconds.
    let reads = 0;
    const paced = await startTestHub({
      clock: () => FIXED,
      newKey: () => KEY,
      paceDevicesPerSecond: 1,
      pacingTimer: () => ++reads * 60_000,
    });
    try {
      const container = await storage.container('paced-import');
      const lines = ['paced-1', 'paced-2', 'paced-3'].map((id) => `{"id":"${id}"}`);
      await uploadText(container.client, 'devices.txt', `${lines.join('\n')}\n`);
      const created = await rawRequest(paced, 'POST', '/jobs/create', {
        body: {
          type: 'import',
          inputBlobContainerUri: container.sasUrl('rl'),
          outputBlobContainerUri: container.sasUrl('rwdl'),
        },
      });
      const done = await waitForJob(paced, (created.json as { jobId: string }).jobId);
      expect(done).toMatchObject({
        status: 'completed',
        endTimeUtc: '2031-02-03T04:05:06.7890000Z',
      });
      expect(reads).toBeGreaterThanOrEqual(3);
      const device = (await rawRequest(paced, 'GET', '/devices/paced-3')).json as {
        generationId: string;
      };
      expect(device.generationId).toBe(dotNetTicks(FIXED));
    } finally {
      await paced.dispose();
    }
  });
});
