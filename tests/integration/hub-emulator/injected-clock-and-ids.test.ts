import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSas } from '../../../src/hub-emulator/auth/sign-sas';
import { dotNetTicks } from '../../../src/hub-emulator/model/hub-time';
import {
  rawRequest,
  startTestHub,
  startTestStorage,
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
});
