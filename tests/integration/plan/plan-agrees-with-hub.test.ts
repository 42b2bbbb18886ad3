import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportErrorEntry } from '../../../src/core/import-errors/parse-import-error-log';
import { IMPORT_MODES } from '../../../src/core/model/import-mode';
import {
  createOutcomeCheck,
  type OutcomeMismatch,
} from '../../../src/core/plan/compare-plan-outcome';
import { changedFields } from '../../../src/core/plan/compare-identities';
import { planAll, type PlanAllResult } from '../../../src/core/plan/plan-all';
import type { PlanRow } from '../../../src/core/plan/plan-types';
import { deviceKey } from '../../../src/core/registry/device-key';
import {
  startTestHub,
  startTestStorage,
  type TestHub,
  type TestStorage,
} from '../hub-emulator/hub-fixture';
import { identitiesOf, ndjson, runExport, runImport } from './plan-hub-jobs';
import { runCli } from './run-cli';
import { planJsonRow } from '../../../src/core/plan/format-plan-json';

// The plan and a real import job must agree. A registry is set up in the emulator by import jobs,
// exported with keys, and a mixed file (all nine modes against missing devices, matching and
// stale eTags and twinETags, modules, edge devices with children, lines the hub cannot read or
// accept) is planned against that export, then imported as it is. Every row is compared with
// importErrors.log, and every device the file touches with the export taken after the job.
const KEY_A = 'S2V5T25lS2V5T25lS2V5T25lS2V5T25lS2V5T25lS2U=';
const KEY_B = 'S2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2V5VHdvS2U=';
const sas = { symmetricKey: { primaryKey: KEY_A, secondaryKey: KEY_B }, type: 'sas' };
const STATES = [
  'missing',
  'exists',
  'etagMatch',
  'etagStale',
  'twinEtagMatch',
  'twinEtagStale',
] as const;
const STALE_ETAG = 'OTk5OTk5';
const STALE_TWIN_ETAG = 'AAAAAAAAAAk=';
const CUSTOM_SCOPE = 'ms-azure-iot-edge://edge-gw-1';

let hub: TestHub;
let storage: TestStorage;
let planned: PlanAllResult;
let log: ImportErrorEntry[];
let mismatches: OutcomeMismatch[];
let before: string;
let after: Map<string, ReturnType<typeof identitiesOf> extends Map<string, infer T> ? T : never>;
let edgeScope: string;
let file: string;
let parentScope3: string;

function modeCellLines(registry: Map<string, { eTag: string | null; twinETag: string | null }>) {
  return IMPORT_MODES.flatMap((mode) =>
    STATES.map((state) => {
      const id = `m-${mode}-${state}`;
      const current = registry.get(deviceKey(id));
      const line: Record<string, unknown> = {
        id,
        importMode: mode,
        status: 'disabled',
        authentication: sas,
        tags: { mark: mode },
      };
      if (state === 'etagMatch') line.eTag = current?.eTag;
      if (state === 'etagStale') line.eTag = STALE_ETAG;
      if (state === 'twinEtagMatch') line.twinETag = current?.twinETag;
      if (state === 'twinEtagStale') line.twinETag = STALE_TWIN_ETAG;
      return line;
    }),
  );
}

beforeAll(async () => {
  [hub, storage] = await Promise.all([startTestHub(), startTestStorage()]);
  const existing = IMPORT_MODES.flatMap((mode) =>
    STATES.filter((s) => s !== 'missing').map((s) => ({
      id: `m-${mode}-${s}`,
      authentication: sas,
      tags: { v: 1 },
    })),
  );
  const setupLog = await runImport(
    hub,
    storage,
    ndjson([
      ...existing,
      { id: 'keys-1', authentication: sas },
      {
        id: 'x509-1',
        authentication: {
          x509Thumbprint: { primaryThumbprint: 'A'.repeat(40) },
          type: 'selfSigned',
        },
      },
      { id: 'mod-dev', authentication: sas },
      { id: 'mod-dev', moduleId: 'mod-1', authentication: sas },
      { id: 'mod-dev2', authentication: sas },
      { id: 'mod-dev2', moduleId: 'mod-1', authentication: sas },
      {
        id: 'edge-gw',
        authentication: sas,
        capabilities: { iotEdge: true },
        deviceScope: CUSTOM_SCOPE,
      },
      {
        id: 'edge-gw2',
        authentication: sas,
        capabilities: { iotEdge: true },
        deviceScope: `${CUSTOM_SCOPE}-2`,
      },
      {
        id: 'edge-gw3',
        authentication: sas,
        capabilities: { iotEdge: true },
        deviceScope: `${CUSTOM_SCOPE}-3`,
      },
    ]),
  );
  expect(setupLog).toEqual([]);
  // The edge device's scope is whatever the hub made of it: read it back before naming it.
  const scopes = identitiesOf(await runExport(hub, storage));
  edgeScope = scopes.get(deviceKey('edge-gw'))?.deviceScope ?? '';
  parentScope3 = scopes.get(deviceKey('edge-gw3'))?.deviceScope ?? '';
  expect(edgeScope).not.toBe('');
  expect(parentScope3).not.toBe('');
  expect(
    await runImport(
      hub,
      storage,
      ndjson([
        { id: 'edge-leaf-1', authentication: sas, deviceScope: edgeScope },
        { id: 'edge-leaf-3', authentication: sas, deviceScope: parentScope3 },
      ]),
    ),
  ).toEqual([]);
  before = await runExport(hub, storage);
  const registry = identitiesOf(before);
  file = ndjson([
    ...modeCellLines(registry),
    { id: 'keys-1', importMode: 'update', status: 'disabled' },
    { id: 'x509-1', importMode: 'update', status: 'disabled' },
    { id: 'mod-dev', moduleId: 'mod-1', importMode: 'create', authentication: sas },
    { id: 'mod-dev', moduleId: 'mod-2', importMode: 'create', authentication: sas, tags: { m: 2 } },
    { id: 'mod-ghost', moduleId: 'mod-1', importMode: 'create' },
    { id: 'mod-dev', moduleId: 'mod-9', importMode: 'update' },
    { id: 'mod-dev2', importMode: 'delete' },
    { id: 'mod-dev2', moduleId: 'mod-1', importMode: 'updateTwin', tags: { late: true } },
    { id: 'seq-1', importMode: 'create', authentication: sas },
    { id: 'seq-1', importMode: 'updateTwin', tags: { step: 2 } },
    {
      id: 'seq-1',
      importMode: 'updateTwinIfMatchETag',
      twinETag: 'AAAAAAAAAAE=',
      tags: { step: 3 },
    },
    { id: 'seq-1', importMode: 'delete' },
    { id: 'seq-1', importMode: 'update', authentication: sas },
    {
      id: 'bad-key',
      importMode: 'create',
      authentication: { symmetricKey: { primaryKey: 'c2hvcnQ=', secondaryKey: 'c2hvcnQ=' } },
    },
    '{"id":"cut-short","importMode":"create"',
    { id: 'bad-mode', importMode: 'upsert' },
    { id: 'edge-leaf-2', importMode: 'create', authentication: sas, deviceScope: edgeScope },
    { id: 'edge-gw2', importMode: 'delete' },
    { id: 'edge-gw3', importMode: 'delete' },
    {
      id: 'edge-leaf-orphan',
      importMode: 'create',
      authentication: sas,
      deviceScope: 'ms-azure-iot-edge://nobody-1',
    },
    {
      id: 'edge-gw',
      moduleId: '$edgeAgent',
      importMode: 'createOrUpdate',
      properties: { desired: { schemaVersion: '1.1' } },
    },
    { id: 'edge-new', importMode: 'create', authentication: sas, capabilities: { iotEdge: true } },
  ]);
  // Sent as it is, so the hub sees exactly the file the plan describes.
  planned = planAll(file, before, { keepKeys: false, leaveOutUnchanged: false });
  expect(planned.jobText).toBe(file.replace(/\n$/, '') + '\n');
  log = await runImport(hub, storage, file);
  const check = createOutcomeCheck(log);
  mismatches = [
    ...planned.rows.map((row) => check.check(row)).filter((m) => m !== undefined),
    ...check.finish(),
  ];
  after = identitiesOf(await runExport(hub, storage));
});

afterAll(async () => {
  await hub?.dispose();
  await storage?.azurite.close();
});

const rowsOf = (prefix: string): PlanRow[] => planned.rows.filter((r) => r.id.startsWith(prefix));
const mismatchesOf = (prefix: string): OutcomeMismatch[] =>
  mismatches.filter((m) => m.id.startsWith(prefix));

/** Where the registry after the job differs from the plan's picture of it, for touched devices. */
function registryDifferences(prefix: string): string[] {
  const out: string[] = [];
  const { state } = planned.result.changes;
  const keys = new Set(rowsOf(prefix).map((r) => deviceKey(r.id, r.moduleId)));
  for (const key of state.changedKeys) if (key.startsWith(prefix)) keys.add(key);
  for (const key of keys) {
    const predicted = state.get(key);
    const actual = after.get(key);
    const name = key.replace('\u0000', '/');
    if (predicted === undefined || actual === undefined) {
      if (predicted !== actual)
        out.push(
          `${name}: predicted ${predicted ? 'present' : 'absent'}, is ${actual ? 'present' : 'absent'}`,
        );
      continue;
    }
    const fields = changedFields(predicted, {
      ...actual,
      keysMinted: predicted.keysMinted,
      scopeGenerated: predicted.scopeGenerated,
    }).filter(
      (f) =>
        !(f === 'authentication.keys' && predicted.keysMinted) &&
        !(f === 'deviceScope' && predicted.scopeGenerated),
    );
    if (fields.length > 0) out.push(`${name}: ${fields.join(', ')}`);
  }
  return out;
}

describe('the plan agrees with a real import job', () => {
  it('prints the same rows through iot-bulk plan as the engine gives', async () => {
    const cli = await runCli({ 'import.ndjson': file, 'devices.txt': before }, [
      'plan',
      'import.ndjson',
      '--registry',
      'devices.txt',
      '--json',
      '--rotate-keys',
      '--send-unchanged',
    ]);
    const printed = JSON.parse(cli.stdout) as { summary: unknown; rows: unknown[] };
    expect(printed.summary).toEqual(planned.result.summary);
    expect(printed.rows).toEqual(planned.rows.map((r) => JSON.parse(planJsonRow(r)) as unknown));
  });

  it('predicts every row of the nine-mode table as importErrors.log reports it', () => {
    expect(rowsOf('m-')).toHaveLength(IMPORT_MODES.length * STATES.length);
    expect(mismatchesOf('m-')).toEqual([]);
    expect(
      rowsOf('m-')
        .filter((r) => r.outcome === 'fail')
        .map((r) => r.errorCode),
    ).toContain(412001);
  });

  it('predicts the registry after the job for the nine-mode table', () => {
    expect(registryDifferences('m-')).toEqual([]);
  });

  it('predicts module outcomes: 409301, 404001 on a missing device, 404010, and modules deleted with their device', () => {
    expect(rowsOf('mod-').map((r) => r.errorCode ?? r.outcome)).toEqual([
      409301,
      'create',
      404001,
      404010,
      'delete',
      404010,
    ]);
    expect(mismatchesOf('mod-')).toEqual([]);
    expect(registryDifferences('mod-')).toEqual([]);
  });

  it('predicts lines of one device that see each other, and lines the hub cannot read or accept', () => {
    expect(rowsOf('seq-').map((r) => r.errorCode ?? r.outcome)).toEqual([
      'create',
      'update',
      412001,
      'delete',
      404001,
    ]);
    const unreadable = planned.rows.filter((r) =>
      ['bad-key', 'cut-short', 'bad-mode'].includes(r.id),
    );
    expect(unreadable.map((r) => [r.id, r.errorCode])).toEqual([
      ['bad-key', 400004],
      ['cut-short', 400012],
      ['bad-mode', 400012],
    ]);
    expect(mismatchesOf('seq-')).toEqual([]);
    expect(mismatches.filter((m) => ['bad-key', 'cut-short', 'bad-mode'].includes(m.id))).toEqual(
      [],
    );
  });

  it('predicts keys minted by keyless updates sent as they are', () => {
    expect(rowsOf('keys-1')[0]).toMatchObject({ outcome: 'update', keysRotated: true });
    expect(rowsOf('x509-1')[0]).toMatchObject({ outcome: 'update', keysRotated: true });
    expect(after.get(deviceKey('keys-1'))?.auth?.primaryKey).not.toBe(KEY_A);
    expect(after.get(deviceKey('x509-1'))?.auth?.type).toBe('sas');
    expect(registryDifferences('keys-')).toEqual([]);
    expect(registryDifferences('x509-')).toEqual([]);
  });

  it('predicts the delete of an edge device whose child keeps the scope it named', () => {
    // The hub made $edgeAgent/$edgeHub with the edge device, so they go with it.
    expect(rowsOf('edge-gw3')[0]).toMatchObject({
      outcome: 'delete',
      notes: ['modules-deleted', 'children-keep-scope'],
    });
    expect(mismatchesOf('edge-gw3')).toEqual([]);
    expect(after.get(deviceKey('edge-leaf-3'))?.deviceScope).toBe(parentScope3);
  });

  it('predicts a leaf created under an edge device and the delete of an edge device', () => {
    expect(rowsOf('edge-leaf-2')[0]?.outcome).toBe('create');
    expect(rowsOf('edge-gw2')[0]?.outcome).toBe('delete');
    expect([...mismatchesOf('edge-leaf-2'), ...mismatchesOf('edge-gw2')]).toEqual([]);
  });

  // What the hub does and the emulator models once it has edge devices (docs/reference/
  // docs/reference/hub-wire-contract.md#line-fields, #import-modes): these hold against the hub's
  // semantics.
  it('fails a leaf whose scope no edge device holds with 400004', () => {
    expect(rowsOf('edge-leaf-orphan')[0]).toMatchObject({ outcome: 'fail', errorCode: 400004 });
    expect(mismatchesOf('edge-leaf-orphan')).toEqual([]);
  });

  it('updates the $edgeAgent module the hub made for an existing edge device', () => {
    expect(rowsOf('edge-gw').find((r) => r.moduleId === '$edgeAgent')).toMatchObject({
      outcome: 'update',
    });
    expect(mismatches.filter((m) => m.moduleId === '$edgeAgent')).toEqual([]);
  });

  it('gives a new edge device a minted scope and $edgeAgent/$edgeHub, and a leaf its parentScopes', () => {
    expect(rowsOf('edge-new')[0]).toMatchObject({
      outcome: 'create',
      notes: ['scope-generated', 'system-modules-created'],
    });
    expect(registryDifferences('edge-')).toEqual([]);
  });
});
