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

// Every import mode against every registry state
// (docs/reference/hub-wire-contract.md#import-modes), in one import job: each cell gets its own
// device id, so one file exercises the whole table.
type Outcome = 'created' | 'updated' | 'deleted' | 'twin' | number;
const STATES = ['missing', 'exists', 'etagMatch', 'etagMismatch', 'twinEtagMismatch'] as const;
type State = (typeof STATES)[number];

const TABLE: Record<string, Record<State, Outcome>> = {
  create: {
    missing: 'created',
    exists: 409001,
    etagMatch: 409001,
    etagMismatch: 409001,
    twinEtagMismatch: 409001,
  },
  createOrUpdate: {
    missing: 'created',
    exists: 'updated',
    etagMatch: 'updated',
    etagMismatch: 'updated',
    twinEtagMismatch: 412001,
  },
  createOrUpdateIfMatchETag: {
    missing: 'created',
    exists: 'updated',
    etagMatch: 'updated',
    etagMismatch: 412001,
    twinEtagMismatch: 412001,
  },
  update: {
    missing: 404001,
    exists: 'updated',
    etagMatch: 'updated',
    etagMismatch: 'updated',
    twinEtagMismatch: 'updated',
  },
  updateIfMatchETag: {
    missing: 404001,
    exists: 'updated',
    etagMatch: 'updated',
    etagMismatch: 412001,
    twinEtagMismatch: 'updated',
  },
  delete: {
    missing: 404001,
    exists: 'deleted',
    etagMatch: 'deleted',
    etagMismatch: 'deleted',
    twinEtagMismatch: 'deleted',
  },
  deleteIfMatchETag: {
    missing: 404001,
    exists: 'deleted',
    etagMatch: 'deleted',
    etagMismatch: 412001,
    twinEtagMismatch: 'deleted',
  },
  updateTwin: {
    missing: 404001,
    exists: 'twin',
    etagMatch: 'twin',
    etagMismatch: 'twin',
    twinEtagMismatch: 'twin',
  },
  updateTwinIfMatchETag: {
    missing: 404001,
    exists: 'twin',
    etagMatch: 'twin',
    etagMismatch: 'twin',
    twinEtagMismatch: 412001,
  },
};

let hub: TestHub;
let storage: TestStorage;
const logLines = new Map<string, { errorCode: number; errorStatus: string }>();

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  const cells = Object.keys(TABLE).flatMap((mode) =>
    STATES.map((state) => ({ mode, state, id: `${mode}-${state}` })),
  );
  const existing = cells
    .filter((c) => c.state !== 'missing')
    .map((c) => ({ id: c.id, importMode: 'create', status: 'enabled' }));
  for (let i = 0; i < existing.length; i += 100) {
    expect(
      (await rawRequest(hub, 'POST', '/devices', { body: existing.slice(i, i + 100) })).status,
    ).toBe(200);
  }
  const lines: string[] = [];
  for (const cell of cells) {
    const line: Record<string, unknown> = {
      id: cell.id,
      importMode: cell.mode,
      status: 'disabled',
      tags: { mark: cell.mode },
    };
    if (cell.state === 'etagMatch')
      line.eTag = (
        (await rawRequest(hub, 'GET', `/devices/${cell.id}`)).json as { etag: string }
      ).etag;
    if (cell.state === 'etagMismatch') line.eTag = Buffer.from('999999').toString('base64');
    if (cell.state === 'twinEtagMismatch') line.twinETag = 'AAAAAAAAAAk=';
    lines.push(JSON.stringify(line));
  }
  const container = await storage.container('mode-table');
  await uploadText(container.client, 'devices.txt', lines.join('\n'));
  const created = await rawRequest(hub, 'POST', '/jobs/create', {
    body: {
      type: 'import',
      inputBlobContainerUri: container.sasUrl('rl'),
      outputBlobContainerUri: container.sasUrl('rwdl'),
    },
  });
  const job = await waitForJob(hub, (created.json as { jobId: string }).jobId);
  expect(job.status).toBe('completed');
  const log = await readBlobText(container.client, 'importErrors.log');
  for (const line of log.split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as { deviceId: string; errorCode: number; errorStatus: string };
    logLines.set(entry.deviceId, entry);
  }
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe('import modes against registry states', () => {
  for (const [mode, row] of Object.entries(TABLE)) {
    for (const state of STATES) {
      const expected = row[state];
      it(`${mode} on a ${state} device gives ${String(expected)}`, async () => {
        const id = `${mode}-${state}`;
        const response = await rawRequest(hub, 'GET', `/twins/${id}`);
        const twin = response.json as { status?: string; tags?: { mark?: string } };
        if (typeof expected === 'number') {
          expect(logLines.get(id)?.errorCode).toBe(expected);
          return;
        }
        expect(logLines.has(id)).toBe(false);
        if (expected === 'deleted') expect(response.status).toBe(404);
        if (expected === 'created' || expected === 'updated')
          expect([twin.status, twin.tags?.mark]).toEqual(['disabled', mode]);
        if (expected === 'twin') expect([twin.status, twin.tags?.mark]).toEqual(['enabled', mode]);
      });
    }
  }

  it('writes a 404001 line whose errorStatus is the device id', () => {
    expect(logLines.get('update-missing')).toEqual({
      deviceId: 'update-missing',
      errorCode: 404001,
      errorStatus: 'update-missing',
    });
  });
});
