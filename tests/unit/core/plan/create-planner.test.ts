import { describe, expect, it } from 'vitest';
import { createRegistryIndex } from '../../../../src/core/plan/build-registry-index';
import { createPlanner } from '../../../../src/core/plan/create-planner';
import type { PlanRow } from '../../../../src/core/plan/plan-types';
import { createTouchScanner } from '../../../../src/core/plan/scan-touched-devices';
import {
  EDGE_SCOPE,
  exportLine,
  exportText,
  importText,
  KEY_C,
  plan,
  sasAuth,
} from './support/plan-test-lines';

const registry = exportText(
  exportLine('a'),
  exportLine('b', { status: 'disabled' }),
  exportLine('gw', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
);
const lines = [
  { id: 'b', importMode: 'createOrUpdate', status: 'disabled', authentication: sasAuth() },
  '',
  { id: 'a', importMode: 'update', status: 'disabled' },
  { id: 'c', importMode: 'create' },
  '   ',
  { id: 'a', importMode: 'create' },
  '{broken',
];

function chunked(importFile: string, registryText: string, size: number) {
  const scanner = createTouchScanner();
  for (let i = 0; i < importFile.length; i += size) scanner.push(importFile.slice(i, i + size));
  const builder = createRegistryIndex({ touched: scanner.finish() });
  for (let i = 0; i < registryText.length; i += size) builder.push(registryText.slice(i, i + size));
  const rows: PlanRow[] = [];
  const job: string[] = [];
  const planner = createPlanner(
    builder.finish(),
    {},
    {
      onRows: (batch) => rows.push(...batch),
      onJobText: (text) => job.push(text),
    },
  );
  for (let i = 0; i < importFile.length; i += size) planner.push(importFile.slice(i, i + size));
  return { rows, job: job.join(''), result: planner.finish() };
}

describe('the planner', () => {
  it('gives one row per non-blank line with its physical line number, and counts outcomes', () => {
    const r = plan(registry, lines);
    expect(r.rows.map((row) => [row.line, row.id, row.outcome])).toEqual([
      [1, 'b', 'unchanged'],
      [3, 'a', 'update'],
      [4, 'c', 'create'],
      [6, 'a', 'fail'],
      [7, '', 'fail'],
    ]);
    expect(r.result.summary).toEqual({ create: 1, update: 1, unchanged: 1, delete: 0, fail: 2 });
    expect([r.result.rows, r.result.sent, r.result.leftOut]).toEqual([5, 4, 1]);
  });

  it('writes the job file without unchanged rows and with kept keys, in file order', () => {
    const r = plan(registry, lines);
    const sent = r.jobText.split('\n').filter((l) => l.startsWith('{"'));
    expect(sent.map((l) => JSON.parse(l) as { id?: string })).toMatchObject([
      { id: 'a', authentication: sasAuth() },
      { id: 'c' },
      { id: 'a' },
    ]);
    expect(r.jobText.endsWith('{broken\n')).toBe(true);
  });

  it('sends every row when asked, unchanged ones included', () => {
    const r = plan(registry, lines, { leaveOutUnchanged: false });
    expect(r.rows.every((row) => row.sent)).toBe(true);
    expect(r.jobText.split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('reads the same rows and job file whatever the chunking', () => {
    const text = importText(...lines);
    const whole = chunked(text, registry, text.length + registry.length);
    const tiny = chunked(text, registry, 3);
    expect(tiny.rows).toEqual(whole.rows);
    expect(tiny.job).toBe(whole.job);
  });

  it('applies a batch sorted by device id, as the emulator does, or in file order when asked', () => {
    const file = [
      { id: 'z-leaf', importMode: 'create', deviceScope: EDGE_SCOPE },
      { id: 'gw', importMode: 'delete' },
    ];
    expect(plan(registry, file).rows.map((row) => row.errorCode ?? row.outcome)).toEqual([
      400004,
      'delete',
    ]);
    expect(plan(registry, file, { batchLines: 0 }).rows.map((row) => row.outcome)).toEqual([
      'create',
      'delete',
    ]);
    expect(plan(registry, file, { batchLines: 1 }).rows.map((row) => row.outcome)).toEqual([
      'create',
      'delete',
    ]);
  });

  it('hands out rows a batch at a time and keeps running counts', () => {
    const index = createRegistryIndex();
    index.push(registry);
    const batches: number[] = [];
    const planner = createPlanner(
      index.finish(),
      { batchLines: 2 },
      { onRows: (rows) => batches.push(rows.length) },
    );
    planner.push(importText(...lines));
    expect(batches).toEqual([2, 2]);
    expect(planner.summary.fail).toBe(1);
    planner.finish();
    expect(batches).toEqual([2, 2, 1]);
  });

  it('refuses a line whose device the scan did not see: the two passes read different files', () => {
    const index = createRegistryIndex({ touched: new Set(['a']) });
    index.push(registry);
    const planner = createPlanner(index.finish());
    planner.push(importText({ id: 'other' }));
    expect(() => planner.finish()).toThrow(/not in the scan/);
  });

  it('notices registry lines it had to skip', () => {
    const r = plan(registry + '{"id":\r\n', [{ id: 'a', importMode: 'updateTwin' }]);
    expect(r.result.notices.map((n) => [n.code, n.count])).toContainEqual(['registry-issues', 1]);
  });

  it("explains the creates past the hub's device cap once, with their count", () => {
    const r = plan(
      registry,
      [1, 2, 3].map((n) => ({ id: `new-${n}`, importMode: 'create' })),
      { deviceCap: 4 },
    );
    expect(r.rows.map((row) => row.errorCode ?? row.outcome)).toEqual(['create', 403002, 403002]);
    const notice = r.result.notices.find((n) => n.code === 'over-device-cap');
    expect(notice?.count).toBe(2);
    expect(notice?.message).toMatch(/device cap .*403002/);
  });

  it('counts the rows that change only the keys, to keys they carry, apart from other changes', () => {
    const r = plan(registry, [
      { id: 'a', importMode: 'update', status: 'enabled', authentication: sasAuth(KEY_C) },
      { id: 'b', importMode: 'update', status: 'enabled', authentication: sasAuth() },
    ]);
    expect(r.rows.map((row) => [row.outcome, row.fields])).toEqual([
      ['update', ['authentication.keys']],
      ['update', ['status']],
    ]);
    expect(r.result.notices.find((n) => n.code === 'keys-replaced')?.count).toBe(1);
  });
});
