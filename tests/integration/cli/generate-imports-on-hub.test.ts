import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAll } from '../../../src/core/plan/plan-all';
import {
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { identitiesOf, runExport, runImport } from '../plan/plan-hub-jobs';
import { runCli } from '../plan/run-cli';

// `iot-bulk generate` writes a file the hub takes as it is: a real import job of 1,500 generated
// devices (keys written here for 1,000, left to the hub for 500) refuses no line, and the export
// afterwards holds every id with the keys the file carried.

let hub: TestHub;
let storage: TestStorage;

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

describe('iot-bulk generate against the hub', () => {
  it('imports every generated device with its keys, and plans as 1,500 creates first', async () => {
    const withKeys = await runCli({}, [
      'generate',
      ...['--count', '1000', '--pattern', 'gen-{n:5}', '--keys', 'here'],
      ...['--tag', 'site=lab', '--desired', 'telemetryInterval=30', '--out', '{out}'],
    ]);
    const hubKeys = await runCli({}, [
      'generate',
      ...['--count', '500', '--start', '1001', '--pattern', 'gen-{n:5}', '--out', '{out}'],
    ]);
    const file = withKeys.out! + hubKeys.out!;
    expect(withKeys.stdout).toContain('1,000 devices written');

    const plan = planAll(file, '', {});
    expect(plan.result.summary).toMatchObject({ create: 1500, fail: 0, update: 0, delete: 0 });

    expect(await runImport(hub, storage, file)).toEqual([]);
    const exported = identitiesOf(await runExport(hub, storage));
    expect(exported.size).toBe(1500);
    const first = JSON.parse(file.slice(0, file.indexOf('\n'))) as {
      authentication: { symmetricKey: { primaryKey: string; secondaryKey: string } };
    };
    expect(JSON.stringify(exported.get('gen-00001'))).toContain(
      first.authentication.symmetricKey.primaryKey,
    );
    expect(exported.has('gen-01500')).toBe(true);
  }, 180_000);
});
