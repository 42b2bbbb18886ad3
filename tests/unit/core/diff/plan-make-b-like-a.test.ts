import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { planMakeBLikeA } from '../../../../src/core/diff/plan-make-b-like-a';
import {
  serializePlanLine,
  serializePlanLines,
} from '../../../../src/core/diff/serialize-plan-line';
import type { ExportImportDevice } from '../../../../src/core/model/export-import-device';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { fixtureSnapshot } from './support/load-fixture';

const a = fixtureSnapshot('export-a.txt');
const b = fixtureSnapshot('export-b.txt');
const plan = planMakeBLikeA(diffRegistries(a, b), a, b);
const lines = [...plan.lines()];
const lineFor = (id: string, moduleId?: string): ExportImportDevice | undefined =>
  lines.find((l) => l.id === id && l.moduleId === moduleId);

describe('planMakeBLikeA', () => {
  it.each([
    ['dev-a-only', undefined, 'create'],
    ['dev-mod', 'mod-a-only', 'create'],
    ['dev-b-only', undefined, 'delete'],
    ['dev-status', undefined, 'createOrUpdate'],
    ['dev-keys', undefined, 'createOrUpdate'],
    ['dev-auth-type', undefined, 'createOrUpdate'],
    ['dev-edge', undefined, 'createOrUpdate'],
    ['dev-scope', undefined, 'createOrUpdate'],
    ['dev-tags', undefined, 'updateTwin'],
    ['dev-desired', undefined, 'updateTwin'],
  ])('writes %s %s as %s', (id, moduleId, mode) => {
    expect(lineFor(id, moduleId)?.importMode).toBe(mode);
  });

  it('counts lines per mode and writes nothing for unchanged devices', () => {
    expect(plan.counts).toEqual({ create: 2, delete: 1, createOrUpdate: 6, updateTwin: 2 });
    expect(lines).toHaveLength(11);
    expect(lineFor('dev-same')).toBeUndefined();
  });

  it('leaves out system modules and the modules of a deleted device, and says why', () => {
    expect(lineFor('dev-edge', '$edgeHub')).toBeUndefined();
    expect(lineFor('dev-b-only', 'mod-r')).toBeUndefined();
    expect(plan.notices.map((n) => [n.code, n.count])).toEqual([
      ['modules-deleted-with-device', 1],
      ['system-modules-skipped', 1],
    ]);
  });

  it("creates with A's data, without version fields or reported properties", () => {
    const line = lineFor('dev-a-only');
    expect(line).toMatchObject({
      status: 'enabled',
      tags: { site: '=HYPERLINK("http://x")' },
      authentication: { type: 'sas' },
    });
    expect(line?.eTag).toBeUndefined();
    expect(line?.twinETag).toBeUndefined();
    expect(line?.properties).toBeUndefined();
  });

  it('writes the whole twin of A for updateTwin, desired without metadata, and a status on every line', () => {
    expect(lineFor('dev-desired')).toEqual({
      id: 'dev-desired',
      importMode: 'updateTwin',
      status: 'enabled',
      tags: {},
      properties: { desired: { interval: 60, mode: 'eco' } },
    });
    expect(lines.every((l) => l.status === 'enabled' || l.status === 'disabled')).toBe(true);
  });

  it('omits keys for devices A exported without them, and reports that the hub will generate them', () => {
    const ax = fixtureSnapshot('export-a-keys-excluded.txt');
    const xPlan = planMakeBLikeA(diffRegistries(ax, b), ax, b);
    const created = [...xPlan.lines()].find((l) => l.id === 'dev-a-only');
    expect(created?.authentication).toBeUndefined();
    expect(xPlan.notices.find((n) => n.code === 'created-without-authentication')?.count).toBe(2);
  });

  it("keeps B's keys when A has none, so a status change does not rotate credentials", () => {
    const left = parseRegistryText('{"id":"d","status":"disabled","authentication":null}\n');
    const right = parseRegistryText(
      '{"id":"d","status":"enabled","authentication":{"type":"sas","symmetricKey":{"primaryKey":"p","secondaryKey":"s"}}}\n',
    );
    const p = planMakeBLikeA(diffRegistries(left, right), left, right);
    expect([...p.lines()]).toEqual([
      {
        id: 'd',
        importMode: 'createOrUpdate',
        status: 'disabled',
        authentication: { type: 'sas', symmetricKey: { primaryKey: 'p', secondaryKey: 's' } },
      },
    ]);
  });

  it('warns when a createOrUpdate has no keys from either side', () => {
    const left = parseRegistryText('{"id":"d","status":"disabled","authentication":null}\n');
    const right = parseRegistryText('{"id":"d","status":"enabled","authentication":null}\n');
    const p = planMakeBLikeA(diffRegistries(left, right), left, right);
    expect(p.notices.map((n) => n.code)).toEqual(['keys-will-be-regenerated']);
  });

  it('writes no line when only version fields differ, even when they were compared', () => {
    const left = parseRegistryText('{"id":"d","eTag":"MQ==","status":"enabled"}\n');
    const right = parseRegistryText('{"id":"d","eTag":"Mg==","status":"enabled"}\n');
    const p = planMakeBLikeA(
      diffRegistries(left, right, { includeVersionFields: true }),
      left,
      right,
    );
    expect([...p.lines()]).toEqual([]);
    expect(p.notices.map((n) => n.code)).toEqual(['nothing-to-apply']);
  });

  it('produces a plan that, applied to B, leaves no difference the import could fix', () => {
    const applied = applyPlan(b.records, lines);
    const after = diffRegistries(a, parseRegistryText(applied.join('\n')));
    expect(after.changes.filter((c) => !c.moduleId?.startsWith('$'))).toEqual([]);
  });
});

describe('serializePlanLine', () => {
  it("writes the hub's field order and drops unknown fields", () => {
    const line = {
      status: 'enabled',
      importMode: 'delete',
      id: 'x',
      extra: 1,
    } as unknown as ExportImportDevice;
    expect(serializePlanLine(line)).toBe('{"id":"x","importMode":"delete","status":"enabled"}');
  });

  it('batches lines into newline-terminated NDJSON pieces', () => {
    const pieces = [...serializePlanLines([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2)];
    expect(pieces).toEqual(['{"id":"a"}\n{"id":"b"}\n', '{"id":"c"}\n']);
  });
});

// A tiny model of the hub's import semantics (docs/reference/hub-wire-contract.md#import-modes),
// enough to check the plan's modes.
function applyPlan(records: Map<string, { text: string }>, plan: ExportImportDevice[]): string[] {
  const state = new Map<string, ExportImportDevice>();
  for (const [key, record] of records)
    state.set(key, JSON.parse(record.text) as ExportImportDevice);
  for (const line of plan) {
    const key = line.moduleId === undefined ? line.id : `${line.id}\u0000${line.moduleId}`;
    const { importMode, ...data } = line;
    if (importMode === 'delete') {
      for (const k of [...state.keys()])
        if (k === key || (line.moduleId === undefined && k.startsWith(`${line.id}\u0000`)))
          state.delete(k);
    } else if (importMode === 'updateTwin') {
      const current = state.get(key);
      if (current)
        state.set(key, {
          ...current,
          tags: data.tags ?? {},
          properties: { ...current.properties, desired: data.properties?.desired ?? {} },
        });
    } else {
      state.set(key, data);
    }
  }
  return [...state.values()].map((d) => JSON.stringify(d));
}
