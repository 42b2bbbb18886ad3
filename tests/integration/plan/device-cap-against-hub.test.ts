import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { ndjson, runExport, runImport } from './plan-hub-jobs';
import { runCli } from './run-cli';

// The quota check (docs/plan-and-undo.md, "The device cap") against a hub whose cap is 3: the
// plan explains in one note how many creates go past the cap, and the hub then refuses exactly
// those with 403002. Every import the console makes (restore, undo, retry, act, generate) is
// planned by the same engine before it is uploaded.
let hub: TestHub;
let storage: TestStorage;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub({ deviceCap: 3 }), startTestStorage()]);
  expect(
    await runImport(
      hub,
      storage,
      ndjson([
        { id: 'cap-1', importMode: 'create' },
        { id: 'cap-2', importMode: 'create' },
      ]),
    ),
  ).toEqual([]);
}, 120_000);

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe('a plan against a hub near its device cap', () => {
  it('explains the creates past the cap once, and the hub refuses exactly those', async () => {
    const registry = await runExport(hub, storage);
    const file = ndjson(['cap-3', 'cap-4', 'cap-5'].map((id) => ({ id, importMode: 'create' })));
    const cli = await runCli({ 'import.ndjson': file, 'devices.txt': registry }, [
      'plan',
      'import.ndjson',
      '--registry',
      'devices.txt',
      '--device-cap',
      '3',
    ]);
    expect(cli.stdout).toMatch(/note \(2\): creates past the hub's device cap/);
    const refused = await runImport(hub, storage, file);
    expect(refused.map((entry) => [entry.deviceId, entry.errorCode])).toEqual([
      ['cap-4', 403002],
      ['cap-5', 403002],
    ]);
  });
});
