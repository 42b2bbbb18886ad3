import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../src/core/diff/diff-registries';
import { planAll, type PlanAllResult } from '../../../src/core/plan/plan-all';
import { parseRegistryText } from '../../../src/core/registry/build-registry-snapshot';
import { buildUndo, type UndoPlan } from '../../../src/core/undo';
import {
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { identitiesOf, linesText, ndjson, runExport, runImport } from './plan-hub-jobs';
import { runCli } from './run-cli';

// Import a mixed file into a real hub, build its undo from the file and the export taken before,
// plan the undo against the registry the import left (it must plan cleanly), run it as an import
// with its own plan, export again: the registry diffs empty against the export before the import
// (version fields excluded), reported properties included.
const KEY_A = 'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=';
const KEY_B = 'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=';
const KEY_C = 'TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmV3S2V5TmU=';
const sas = (p = KEY_A, s = KEY_B) => ({
  symmetricKey: { primaryKey: p, secondaryKey: s },
  type: 'sas',
});
const CUSTOM_SCOPE = 'ms-azure-iot-edge://undo-gw-1';

let hub: TestHub;
let storage: TestStorage;
let before: string;
let imported: PlanAllResult;
let undo: UndoPlan;
let restorePlan: PlanAllResult;
let restored: string;
let file: string;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  expect(
    await runImport(
      hub,
      storage,
      ndjson([
        { id: 'keep-1', authentication: sas(), tags: { site: 'a' } },
        { id: 'status-1', authentication: sas(), statusReason: 'in service' },
        {
          id: 'twin-1',
          authentication: sas(),
          tags: { site: 'b' },
          properties: { desired: { t: 30 }, reported: { fw: '1.0' } },
        },
        {
          id: 'gone-1',
          status: 'disabled',
          authentication: sas(KEY_C, KEY_A),
          tags: { site: 'c' },
          properties: { desired: { t: 5 }, reported: { fw: '0.9' } },
        },
        { id: 'gone-1', moduleId: 'collector', authentication: sas(KEY_B, KEY_C), tags: { m: 1 } },
        { id: 'mod-host', authentication: sas() },
        {
          id: 'x509-1',
          authentication: {
            x509Thumbprint: { primaryThumbprint: 'B'.repeat(40) },
            type: 'selfSigned',
          },
        },
        {
          id: 'gw-1',
          authentication: sas(),
          capabilities: { iotEdge: true },
          deviceScope: CUSTOM_SCOPE,
        },
      ]),
    ),
  ).toEqual([]);
  const scope = identitiesOf(await runExport(hub, storage)).get('gw-1')?.deviceScope ?? '';
  expect(
    await runImport(
      hub,
      storage,
      ndjson([{ id: 'leaf-1', authentication: sas(), deviceScope: scope, tags: { child: true } }]),
    ),
  ).toEqual([]);
  before = await runExport(hub, storage);

  file = ndjson([
    { id: 'status-1', importMode: 'update', status: 'disabled', statusReason: 'stolen' },
    {
      id: 'twin-1',
      importMode: 'updateTwin',
      tags: { site: 'z' },
      properties: { desired: { t: 60 }, reported: { fw: '9.9' } },
    },
    { id: 'gone-1', importMode: 'delete' },
    { id: 'leaf-1', importMode: 'delete' },
    { id: 'new-1', importMode: 'create', tags: { fresh: true } },
    { id: 'mod-host', moduleId: 'new-mod', importMode: 'create' },
    { id: 'x509-1', importMode: 'createOrUpdate', status: 'disabled' },
    { id: 'gw-1', importMode: 'updateTwin', properties: { desired: { route: 'x' } } },
    { id: 'ghost', importMode: 'update' },
  ]);
  // The file as it is, keys rotated: the undo must bring the keys back.
  imported = planAll(file, before, { keepKeys: false, leaveOutUnchanged: false });
  undo = buildUndo(imported.result.changes);
  expect((await runImport(hub, storage, imported.jobText)).map((e) => e.deviceId)).toEqual([
    'ghost',
  ]);
  const afterImport = await runExport(hub, storage);
  restorePlan = planAll(linesText(undo.lines()), afterImport);
  expect(await runImport(hub, storage, restorePlan.jobText)).toEqual([]);
  restored = await runExport(hub, storage);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe('undo of a real import', () => {
  it('writes the same undo file through iot-bulk undo', async () => {
    const cli = await runCli({ 'import.ndjson': file, 'devices.txt': before }, [
      'undo',
      'import.ndjson',
      '--registry',
      'devices.txt',
      '--out',
      '{out}',
      '--rotate-keys',
      '--send-unchanged',
    ]);
    expect(cli.out).toBe(linesText(undo.lines()));
  });

  it('plans the undo cleanly against the registry the import left', () => {
    expect(undo.summary).toEqual({ delete: 2, recreate: 3, restore: 4 });
    expect(restorePlan.rows.filter((r) => r.outcome === 'fail')).toEqual([]);
    expect(restorePlan.result.summary).toMatchObject({ create: 3, delete: 2, update: 4 });
  });

  it('gives back the registry exported before the import: diff empty, reported properties and keys included', () => {
    const diff = diffRegistries(parseRegistryText(restored), parseRegistryText(before), {
      includeReported: true,
    });
    expect(diff.changes).toEqual([]);
    expect(diff.notices).toEqual([]);
  });
});
