import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rawRequest,
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { identitiesOf, ndjson, runExport, runImport } from '../plan/plan-hub-jobs';
import { runCli } from '../plan/run-cli';

// `iot-bulk act` against a real hub: disabling every device of an export leaves every key, scope
// and module as it was; a device changed after the export is refused by its eTag, not overwritten;
// swap-keys exchanges the two keys; delete takes only the listed ids.
const KEY_1 = 'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=';
const KEY_2 = 'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=';
const sas = { symmetricKey: { primaryKey: KEY_1, secondaryKey: KEY_2 }, type: 'sas' };
const THUMB = 'A'.repeat(40);

let hub: TestHub;
let storage: TestStorage;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  expect(
    await runImport(
      hub,
      storage,
      ndjson([
        { id: 'act-1', importMode: 'create', authentication: sas, tags: { site: 'a' } },
        { id: 'act-2', importMode: 'create', authentication: sas },
        {
          id: 'act-x509',
          importMode: 'create',
          authentication: {
            x509Thumbprint: { primaryThumbprint: THUMB, secondaryThumbprint: THUMB },
            type: 'selfSigned',
          },
        },
        { id: 'act-gw', importMode: 'create', capabilities: { iotEdge: true } },
        { id: 'act-1', moduleId: 'm1', importMode: 'create', authentication: sas },
      ]),
    ),
  ).toEqual([]);
  const gateway = identitiesOf(await runExport(hub, storage)).get('act-gw');
  expect(
    await runImport(
      hub,
      storage,
      ndjson([
        {
          id: 'act-child',
          importMode: 'create',
          authentication: sas,
          deviceScope: gateway?.deviceScope ?? '',
        },
      ]),
    ),
  ).toEqual([]);
}, 120_000);

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

async function act(action: string, registry: string, ids?: string[]) {
  const files: Record<string, string> = { 'devices.txt': registry };
  if (ids) files['ids.txt'] = ids.join('\n');
  const args = ['act', action, '--registry', 'devices.txt', '--out', '{out}'];
  return runCli(files, ids ? [...args, '--ids', 'ids.txt'] : args);
}

describe('iot-bulk act against the hub', () => {
  it('disables every device with its keys, thumbprints, scope and modules unchanged', async () => {
    const before = await runExport(hub, storage);
    const result = await act('disable', before);
    expect(result.stdout).toContain('5 lines written');
    // m1, and the $edgeAgent and $edgeHub modules the hub gave the gateway.
    expect(result.stdout).toContain('3 left out: a module has no status of its own');
    expect(await runImport(hub, storage, result.out!)).toEqual([]);

    const was = identitiesOf(before);
    const now = identitiesOf(await runExport(hub, storage));
    for (const [key, identity] of now) {
      const old = was.get(key)!;
      if (identity.moduleId === undefined) expect(identity.status).toBe('disabled');
      expect(identity.auth).toEqual(old.auth);
      expect(identity.deviceScope).toBe(old.deviceScope);
    }
    expect(now.get('act-child')?.deviceScope).toBe(was.get('act-gw')?.deviceScope);
  }, 120_000);

  it('refuses, by its eTag, a device changed after the export instead of overwriting it', async () => {
    const before = await runExport(hub, storage);
    const changed = await rawRequest(hub, 'GET', '/devices/act-2');
    const device = changed.json as Record<string, unknown>;
    const put = await rawRequest(hub, 'PUT', '/devices/act-2', {
      body: { ...device, statusReason: 'changed by someone else' },
      headers: { 'If-Match': '*' },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const errors = await runImport(hub, storage, (await act('enable', before)).out!);
    expect(errors.map((error) => [error.deviceId, error.errorCode])).toEqual([['act-2', 412001]]);
    const now = identitiesOf(await runExport(hub, storage));
    expect(now.get('act-1')?.status).toBe('enabled');
    expect(now.get('act-2')?.statusReason).toBe('changed by someone else');
  }, 120_000);

  it('swaps the two keys of SAS identities and leaves others out, named', async () => {
    const result = await act('swap-keys', await runExport(hub, storage), ['act-1', 'act-x509']);
    expect(result.stdout).toContain('1 left out: it does not use SAS keys');
    expect(await runImport(hub, storage, result.out!)).toEqual([]);
    const now = identitiesOf(await runExport(hub, storage));
    expect(now.get('act-1')?.auth).toMatchObject({ primaryKey: KEY_2, secondaryKey: KEY_1 });
    expect(now.get('act-2')?.auth).toMatchObject({ primaryKey: KEY_1, secondaryKey: KEY_2 });
  }, 120_000);

  it('deletes only the listed devices', async () => {
    const result = await act('delete', await runExport(hub, storage), ['act-child']);
    expect(result.stdout).toContain('1 lines written');
    expect(await runImport(hub, storage, result.out!)).toEqual([]);
    const now = identitiesOf(await runExport(hub, storage));
    expect(now.has('act-child')).toBe(false);
    expect(now.has('act-1')).toBe(true);
  }, 120_000);
});
