import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAll } from '../../../src/core/convert/convert-all';
import { createOutcomeCheck } from '../../../src/core/plan/compare-plan-outcome';
import { planAll } from '../../../src/core/plan/plan-all';
import { deviceKey } from '../../../src/core/registry/device-key';
import {
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { identitiesOf, ndjson, runExport, runImport } from './plan-hub-jobs';

// The job file the plan writes, sent to a real hub: keys kept from the registry stay the device's
// keys, unchanged rows are not sent, and creates past the device cap fail where the plan says.
const KEY_A = 'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=';
const KEY_B = 'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=';
const sas = { symmetricKey: { primaryKey: KEY_A, secondaryKey: KEY_B }, type: 'sas' };

let storage: TestStorage;
let hub: TestHub;
let capped: TestHub;

beforeAll(async () => {
  [hub, capped, storage] = await Promise.all([
    startTestHub(),
    startTestHub({ deviceCap: 6 }),
    startTestStorage(),
  ]);
  const devices = Array.from({ length: 20 }, (_, i) => ({
    id: `dev-${String(i).padStart(2, '0')}`,
    authentication: sas,
    tags: { site: 'plant-1' },
  }));
  expect(await runImport(hub, storage, ndjson(devices))).toEqual([]);
});

afterAll(async () => {
  await Promise.all([hub?.dispose(), capped?.dispose()]);
  await storage?.azurite.close();
});

describe('the job file the plan writes', () => {
  it('disables a device from a "Device ID;Status" file and leaves its keys as they were', async () => {
    const before = await runExport(hub, storage);
    const csv = 'Device ID;Status\ndev-03;disabled\n';
    const converted = convertAll(csv, {
      format: 'auto',
      defaultMode: 'update',
      defaultStatus: 'enabled',
      keyPolicy: 'hub-generates',
      skipInvalid: false,
    });
    expect(converted.output).not.toContain('authentication');
    const planned = planAll(converted.output, before);
    expect(planned.rows).toMatchObject([
      { id: 'dev-03', outcome: 'update', fields: ['status'], keysKept: true },
    ]);
    expect(await runImport(hub, storage, planned.jobText)).toEqual([]);
    const device = identitiesOf(await runExport(hub, storage)).get(deviceKey('dev-03'));
    expect(device).toMatchObject({
      status: 'disabled',
      auth: { primaryKey: KEY_A, secondaryKey: KEY_B },
    });
  });

  it('sends only the rows that change when a whole export is imported again with one change', async () => {
    const before = await runExport(hub, storage);
    const again = before
      .replace('"id":"dev-07","eTag"', '"id":"dev-07","importMode":"createOrUpdate","eTag"')
      .replace(/("id":"dev-07".*?"tags":)\{"site":"plant-1"\}/, '$1{"site":"plant-9"}');
    const planned = planAll(again, before);
    expect(planned.result.summary).toMatchObject({ update: 1, unchanged: 19, fail: 0 });
    expect(planned.jobText.trim().split('\n')).toHaveLength(1);
    expect(await runImport(hub, storage, planned.jobText)).toEqual([]);
    const after = identitiesOf(await runExport(hub, storage));
    expect(after.get(deviceKey('dev-07'))?.tags).toEqual({ site: 'plant-9' });
    expect(after.get(deviceKey('dev-08'))?.tags).toEqual({ site: 'plant-1' });
  });
});

describe('the device cap', () => {
  it('fails the creates past the cap with 403002 where the plan says, modules counted', async () => {
    expect(
      await runImport(
        capped,
        storage,
        ndjson([
          { id: 'c-1', authentication: sas },
          { id: 'c-1', moduleId: 'm', authentication: sas },
          { id: 'c-2', authentication: sas },
        ]),
      ),
    ).toEqual([]);
    const before = await runExport(capped, storage);
    // The hub applies a batch sorted by device id (docs/hub-emulator.md): the delete of c-1 frees
    // two slots before c-3 is created, though it comes later in the file.
    const file = ndjson([
      { id: 'c-3', importMode: 'create' },
      { id: 'c-4', importMode: 'create' },
      { id: 'c-2', moduleId: 'm', importMode: 'create' },
      { id: 'c-5', importMode: 'create' },
      { id: 'c-1', importMode: 'create' },
      { id: 'c-1', importMode: 'delete' },
      { id: 'c-6', importMode: 'create' },
      { id: 'c-7', importMode: 'create' },
      { id: 'c-8', importMode: 'createOrUpdate' },
    ]);
    const planned = planAll(file, before, {
      deviceCap: 6,
      keepKeys: false,
      leaveOutUnchanged: false,
    });
    expect(planned.rows.map((r) => r.errorCode ?? r.outcome)).toEqual([
      'create',
      'create',
      'create',
      'create',
      409001,
      'delete',
      'create',
      403002,
      403002,
    ]);
    const check = createOutcomeCheck(await runImport(capped, storage, file));
    const mismatches = [
      ...planned.rows.map((r) => check.check(r)).filter((m) => m !== undefined),
      ...check.finish(),
    ];
    expect(mismatches).toEqual([]);
    expect(planned.result.after).toEqual({ devices: 5, identities: 6 });
    expect(identitiesOf(await runExport(capped, storage)).size).toBe(6);
  });
});
