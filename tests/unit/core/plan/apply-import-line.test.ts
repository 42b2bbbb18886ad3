import { describe, expect, it } from 'vitest';
import { IMPORT_MODES } from '../../../../src/core/model/import-mode';
import type { PlanOutcome } from '../../../../src/core/plan/plan-types';
import {
  EDGE_SCOPE,
  exportLine,
  exportText,
  plan,
  rowOf,
  sasAuth,
} from './support/plan-test-lines';

// The import-mode table (docs/reference/hub-wire-contract.md#import-modes with
// docs/hub-emulator.md's choices), one device per cell, all in one file, as the emulator's own
// table test runs it.
type Expected = PlanOutcome | number;
const STATES = ['missing', 'exists', 'etagMatch', 'etagMismatch', 'twinEtagMismatch'] as const;
const TABLE: Record<string, Expected[]> = {
  create: ['create', 409001, 409001, 409001, 409001],
  createOrUpdate: ['create', 'update', 'update', 'update', 412001],
  createOrUpdateIfMatchETag: ['create', 'update', 'update', 412001, 412001],
  update: [404001, 'update', 'update', 'update', 'update'],
  updateIfMatchETag: [404001, 'update', 'update', 412001, 'update'],
  delete: [404001, 'delete', 'delete', 'delete', 'delete'],
  deleteIfMatchETag: [404001, 'delete', 'delete', 412001, 'delete'],
  updateTwin: [404001, 'update', 'update', 'update', 'update'],
  updateTwinIfMatchETag: [404001, 'update', 'update', 'update', 412001],
};

const cells = IMPORT_MODES.flatMap((mode) =>
  STATES.map((state, i) => ({ mode, state, expected: TABLE[mode]?.[i] })),
);
const registry = exportText(
  ...cells
    .filter((c) => c.state !== 'missing')
    .map((c) => exportLine(`${c.mode}-${c.state}`, { eTag: 'MQ==' })),
);
const lines = cells.map((c) => {
  const line: Record<string, unknown> = {
    id: `${c.mode}-${c.state}`,
    importMode: c.mode,
    status: 'disabled',
    authentication: sasAuth(),
    tags: { mark: c.mode },
  };
  if (c.state === 'etagMatch') line.eTag = 'MQ==';
  if (c.state === 'etagMismatch') line.eTag = 'OTk5OTk5';
  if (c.state === 'twinEtagMismatch') line.twinETag = 'AAAAAAAAAAk=';
  return line;
});
const result = plan(registry, lines);

describe('the import-mode table', () => {
  cells.forEach((cell, i) => {
    it(`${cell.mode} on a ${cell.state} device: ${String(cell.expected)}`, () => {
      const row = rowOf(result, i + 1);
      if (typeof cell.expected === 'number') {
        expect([row.outcome, row.errorCode]).toEqual(['fail', cell.expected]);
      } else {
        expect(row.outcome).toBe(cell.expected);
        expect(row.errorCode).toBeUndefined();
      }
    });
  });

  it('names the identity fields an update changes and only the twin for updateTwin', () => {
    expect(
      rowOf(result, cells.findIndex((c) => c.mode === 'update' && c.state === 'exists') + 1).fields,
    ).toEqual(['status', 'tags.mark']);
    expect(
      rowOf(result, cells.findIndex((c) => c.mode === 'updateTwin' && c.state === 'exists') + 1)
        .fields,
    ).toEqual(['tags.mark']);
  });
});

describe('modules, the cap and conflicts', () => {
  const reg = exportText(exportLine('dev'), exportLine('dev', { moduleId: 'm1' }));

  it('fails a module created on a missing device with 404001 and updated with 404010', () => {
    const r = plan(reg, [
      { id: 'ghost', moduleId: 'm1', importMode: 'create' },
      { id: 'ghost', moduleId: 'm1', importMode: 'createOrUpdate' },
      { id: 'ghost', moduleId: 'm1', importMode: 'update' },
      { id: 'dev', moduleId: 'm2', importMode: 'updateTwin' },
    ]);
    expect(r.rows.map((row) => row.errorCode)).toEqual([404001, 404001, 404010, 404010]);
  });

  it('fails a module that exists with 409301, and creates one on an existing device', () => {
    const r = plan(reg, [
      { id: 'dev', moduleId: 'm1', importMode: 'create' },
      { id: 'dev', moduleId: 'm2', importMode: 'create' },
    ]);
    expect(r.rows.map((row) => [row.outcome, row.errorCode])).toEqual([
      ['fail', 409301],
      ['create', undefined],
    ]);
  });

  it('fails creates past the device cap with 403002, counting modules, while a delete frees a slot', () => {
    const r = plan(
      reg,
      [
        { id: 'new-1', importMode: 'create' },
        { id: 'new-2', importMode: 'create' },
        { id: 'dev', importMode: 'create' },
        { id: 'dev', moduleId: 'm1', importMode: 'delete' },
        { id: 'new-3', importMode: 'create' },
      ],
      { deviceCap: 3, batchLines: 0 },
    );
    expect(r.rows.map((row) => row.errorCode ?? row.outcome)).toEqual([
      'create',
      403002,
      409001,
      'delete',
      'create',
    ]);
  });

  it('deletes the modules of a deleted device, so a later line for one of them is 404010', () => {
    const r = plan(reg, [
      { id: 'dev', importMode: 'delete' },
      { id: 'dev', moduleId: 'm1', importMode: 'updateTwin', tags: { a: 1 } },
    ]);
    expect(rowOf(r, 1)).toMatchObject({ outcome: 'delete', notes: ['modules-deleted'] });
    expect(rowOf(r, 2).errorCode).toBe(404010);
  });
});

describe('lines of one device see each other', () => {
  const reg = exportText(exportLine('d', { eTag: 'MQ==', twinETag: 'AAAAAAAAAAE=' }));

  it('fails an eTag check after an earlier line changed the device', () => {
    const r = plan(reg, [
      { id: 'd', importMode: 'update', status: 'disabled', authentication: sasAuth() },
      {
        id: 'd',
        importMode: 'updateIfMatchETag',
        eTag: 'MQ==',
        status: 'enabled',
        authentication: sasAuth(),
      },
    ]);
    expect(rowOf(r, 2)).toMatchObject({
      outcome: 'fail',
      errorCode: 412001,
      reason: 'etag-mismatch',
    });
    expect(rowOf(r, 2).message).toContain('earlier line');
  });

  it('fails a twinETag check after an earlier twin write, but not after an identity-only one', () => {
    const r = plan(reg, [
      { id: 'd', importMode: 'update', status: 'disabled', authentication: sasAuth() },
      { id: 'd', importMode: 'updateTwinIfMatchETag', twinETag: 'AAAAAAAAAAE=', tags: { a: 1 } },
      { id: 'd', importMode: 'updateTwinIfMatchETag', twinETag: 'AAAAAAAAAAE=', tags: { a: 2 } },
    ]);
    expect(r.rows.map((row) => row.errorCode ?? row.outcome)).toEqual(['update', 'update', 412001]);
  });

  it('creates, then updates, then deletes one device in one file', () => {
    const r = plan(reg, [
      { id: 'n', importMode: 'create' },
      { id: 'n', importMode: 'updateTwin', tags: { a: 1 } },
      { id: 'n', importMode: 'delete' },
      { id: 'n', importMode: 'update' },
    ]);
    expect(r.rows.map((row) => row.errorCode ?? row.outcome)).toEqual([
      'create',
      'update',
      'delete',
      404001,
    ]);
  });

  it('keeps the eTag of a device whose unchanged row is left out of the job', () => {
    const r = plan(reg, [
      { id: 'd', importMode: 'createOrUpdate', authentication: sasAuth() },
      { id: 'd', importMode: 'deleteIfMatchETag', eTag: 'MQ==' },
    ]);
    expect(r.rows.map((row) => row.outcome)).toEqual(['unchanged', 'delete']);
    const sentAll = plan(
      reg,
      [
        { id: 'd', importMode: 'createOrUpdate', authentication: sasAuth() },
        { id: 'd', importMode: 'deleteIfMatchETag', eTag: 'MQ==' },
      ],
      { leaveOutUnchanged: false },
    );
    expect(sentAll.rows.map((row) => row.errorCode ?? row.outcome)).toEqual(['unchanged', 412001]);
  });
});

describe('lines the hub cannot read or accept', () => {
  it.each([
    ['not json', 400012],
    ['[1,2]', 400012],
    [{ status: 'enabled' }, 400012],
    [{ id: 'x', importMode: 'upsert' }, 400012],
    [{ id: 'x', status: 'paused' }, 400012],
    [{ id: 'x', authentication: { type: 'SELF_SIGNED' } }, 400012],
    [{ id: 'x', tags: [] }, 400012],
    [{ id: 'bad id' }, 400004],
    [{ id: 'x', moduleId: '$custom', importMode: 'create' }, 400004],
    [{ id: 'x', statusReason: 'r'.repeat(129) }, 400004],
    [
      {
        id: 'x',
        authentication: { symmetricKey: { primaryKey: 'c2hvcnQ=', secondaryKey: 'c2hvcnQ=' } },
      },
      400004,
    ],
    [{ id: 'x', authentication: { type: 'selfSigned' } }, 400004],
    [{ id: 'x', authentication: { type: 'none' } }, 400004],
    [{ id: 'x', tags: { 'a.b': 1 } }, 400004],
    [{ id: 'x', properties: { desired: { big: 'v'.repeat(5000) } } }, 400004],
  ])('fails %j with %i', (line, code) => {
    const r = plan('', [line]);
    expect(r.rows[0]).toMatchObject({ outcome: 'fail', errorCode: code });
  });

  it('names the device of a line it cannot read when the id is there, even in a line cut short', () => {
    const r = plan('', [
      { id: 'x', moduleId: 'm', importMode: 'nope' },
      '{"id":"cut","moduleId":"m2","sta',
    ]);
    expect(r.rows[0]).toMatchObject({ id: 'x', moduleId: 'm', reason: 'unparseable' });
    expect(r.rows[1]).toMatchObject({ id: 'cut', moduleId: 'm2', reason: 'unparseable' });
  });

  it('accepts + and # in ids unless strict ids are asked for', () => {
    expect(plan('', [{ id: 'a+b#c', importMode: 'create' }]).rows[0]?.outcome).toBe('create');
    expect(
      plan('', [{ id: 'a+b#c', importMode: 'create' }], { strictIds: true }).rows[0]?.errorCode,
    ).toBe(400004);
  });

  it('refuses a leaf scope no edge device holds, and accepts the scope of one that does', () => {
    const reg = exportText(
      exportLine('gw-1', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
    );
    const r = plan(reg, [
      { id: 'leaf-1', importMode: 'create', deviceScope: EDGE_SCOPE },
      { id: 'leaf-2', importMode: 'create', deviceScope: 'ms-azure-iot-edge://nobody-1' },
    ]);
    expect(r.rows.map((row) => row.errorCode ?? row.outcome)).toEqual(['create', 400004]);
    expect(rowOf(r, 2).reason).toBe('invalid-scope');
  });
});
