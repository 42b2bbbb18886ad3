import { describe, expect, it } from 'vitest';
import { diffRegistries } from '../../../../src/core/diff/diff-registries';
import { serializePlanLine } from '../../../../src/core/diff/serialize-plan-line';
import { planAll } from '../../../../src/core/plan/plan-all';
import { deviceKey } from '../../../../src/core/registry/device-key';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { buildUndo } from '../../../../src/core/undo/build-undo';
import {
  EDGE_SCOPE,
  exportLine,
  exportText,
  importText,
  KEY_C,
  sasAuth,
  THUMB,
} from '../plan/support/plan-test-lines';
import { registryAfter } from './support/registry-after';

const SCOPE_2 = 'ms-azure-iot-edge://gw2-637000000000000002';
const SCOPE_3 = 'ms-azure-iot-edge://gw3-637000000000000003';
const x509 = {
  symmetricKey: { primaryKey: null, secondaryKey: null },
  x509Thumbprint: { primaryThumbprint: THUMB, secondaryThumbprint: null },
  type: 'selfSigned' as const,
};
const edge = (scope: string) => ({ capabilities: { iotEdge: true }, deviceScope: scope });

const REGISTRY = exportText(
  exportLine('untouched', { tags: { keep: 1 } }),
  exportLine('upd-status', { statusReason: 'ok' }),
  exportLine('rot'),
  exportLine('twin', {
    tags: { site: 'a' },
    properties: { desired: { t: 1 }, reported: { r: 1 } },
  }),
  exportLine('del', {
    status: 'disabled',
    tags: { site: 'b' },
    properties: { desired: { t: 2 }, reported: { seen: true } },
  }),
  exportLine('del', { moduleId: 'm1', tags: { mod: 1 }, authentication: sasAuth(KEY_C, KEY_C) }),
  exportLine('gw', edge(EDGE_SCOPE)),
  exportLine('gw', {
    moduleId: '$edgeAgent',
    properties: { desired: { schemaVersion: '1.1' }, reported: {} },
  }),
  exportLine('gw', { moduleId: '$edgeHub' }),
  exportLine('gw2', edge(SCOPE_2)),
  exportLine('gw2', {
    moduleId: '$edgeAgent',
    properties: { desired: { schemaVersion: '1.1' }, reported: {} },
  }),
  exportLine('gw2', { moduleId: '$edgeHub' }),
  exportLine('gw3', edge(SCOPE_3)),
  exportLine('leaf', { deviceScope: EDGE_SCOPE, parentScopes: [EDGE_SCOPE] }),
  exportLine('leaf-m', { deviceScope: EDGE_SCOPE, parentScopes: [EDGE_SCOPE] }),
  exportLine('x509', { authentication: x509 }),
);

const IMPORT = importText(
  { id: 'upd-status', importMode: 'update', status: 'disabled', statusReason: 'maintenance' },
  { id: 'rot', importMode: 'update', status: 'disabled' },
  { id: 'twin', importMode: 'updateTwin', tags: { site: 'z' }, properties: { desired: { t: 9 } } },
  { id: 'del', importMode: 'delete' },
  { id: 'new', importMode: 'create', tags: { n: 1 } },
  { id: 'upd-status', moduleId: 'new-mod', importMode: 'create' },
  { id: 'leaf', importMode: 'delete' },
  { id: 'gw2', importMode: 'delete' },
  { id: 'leaf-m', importMode: 'createOrUpdate', deviceScope: SCOPE_3, authentication: sasAuth() },
  { id: 'x509', importMode: 'update', status: 'disabled' },
  { id: 'gw-new', importMode: 'create', capabilities: { iotEdge: true } },
  { id: 'untouched', importMode: 'updateTwin' },
);

const planned = planAll(IMPORT, REGISTRY, { rotateKeysOf: new Set([deviceKey('rot')]) });
const undo = buildUndo(planned.result.changes);
const undoLines = [...undo.lines()];
const undoText = undoLines.map((l) => serializePlanLine(l) + '\n').join('');
const lineOf = (id: string, moduleId?: string) =>
  undoLines.find((l) => l.id === id && l.moduleId === moduleId);

describe('building the undo of an import', () => {
  it('deletes what the import creates, leaving modules of a created device to go with it', () => {
    expect(lineOf('new')).toMatchObject({ importMode: 'delete' });
    expect(lineOf('gw-new')).toMatchObject({ importMode: 'delete' });
    expect(lineOf('gw-new', '$edgeAgent')).toBeUndefined();
    expect(lineOf('upd-status', 'new-mod')).toMatchObject({ importMode: 'delete' });
    expect(undo.summary).toEqual({ delete: 3, recreate: 6, restore: 5 });
  });

  it('creates again what it deletes, keys, status, twin and reported properties included', () => {
    expect(lineOf('del')).toMatchObject({
      importMode: 'create',
      status: 'disabled',
      authentication: sasAuth(),
      tags: { site: 'b' },
      properties: { desired: { t: 2 }, reported: { seen: true } },
    });
    expect(lineOf('del', 'm1')).toMatchObject({
      importMode: 'create',
      authentication: sasAuth(KEY_C, KEY_C),
    });
  });

  it('points a re-created leaf at its parent while the parent still exists', () => {
    expect(lineOf('leaf')).toMatchObject({ importMode: 'create', deviceScope: EDGE_SCOPE });
  });

  it('re-creates a deleted edge device without a scope, and writes back its system modules', () => {
    expect(lineOf('gw2')?.deviceScope).toBeUndefined();
    expect(lineOf('gw2', '$edgeAgent')).toMatchObject({
      importMode: 'createOrUpdate',
      properties: { desired: { schemaVersion: '1.1' } },
    });
    expect(undo.notices.map((n) => [n.code, n.count])).toEqual([
      ['scope-regenerated', 1],
      ['system-modules-restored', 2],
    ]);
  });

  it("writes back identity with the snapshot's keys for changed and key-rotated devices", () => {
    expect(lineOf('upd-status')).toMatchObject({
      importMode: 'createOrUpdate',
      status: 'enabled',
      statusReason: 'ok',
      authentication: sasAuth(),
    });
    expect(lineOf('rot')).toMatchObject({
      importMode: 'createOrUpdate',
      authentication: sasAuth(),
    });
    expect(lineOf('x509')?.authentication).toMatchObject({ type: 'selfSigned' });
    expect(lineOf('leaf-m')).toMatchObject({
      importMode: 'createOrUpdate',
      deviceScope: EDGE_SCOPE,
    });
  });

  it('writes back only the twin of a twin-only change, without reported properties it did not touch', () => {
    expect(lineOf('twin')).toEqual({
      id: 'twin',
      importMode: 'updateTwin',
      status: 'enabled',
      tags: { site: 'a' },
      properties: { desired: { t: 1 } },
    });
    expect(lineOf('untouched')).toBeUndefined();
  });

  it('orders parents before children on the way back, and children before parents on the way out', () => {
    const order = undoLines.map(
      (l) => `${l.importMode}:${l.id}${l.moduleId ? '/' + l.moduleId : ''}`,
    );
    expect(order.indexOf('create:del')).toBeLessThan(order.indexOf('create:del/m1'));
    expect(order.indexOf('create:gw2')).toBeLessThan(order.indexOf('create:leaf'));
    expect(order.indexOf('delete:new')).toBeLessThan(order.indexOf('delete:gw-new'));
    expect(order.indexOf('delete:gw-new')).toBeLessThan(order.indexOf('create:del'));
  });

  it('plans cleanly against the registry the import leaves, and brings it back but for minted scopes', () => {
    const after = registryAfter(REGISTRY, planned.result.changes, 1);
    const restore = planAll(undoText, after);
    expect(restore.rows.filter((r) => r.outcome === 'fail')).toEqual([]);
    const restored = registryAfter(after, restore.result.changes, 2);
    const diff = diffRegistries(parseRegistryText(restored), parseRegistryText(REGISTRY));
    expect(diff.changes).toEqual([{ id: 'gw2', kind: 'changed', fields: ['deviceScope'] }]);
  });

  it('restores keys an import sent as it is would rotate, though the plan kept them', () => {
    const kept = planAll(importText({ id: 'upd-status', importMode: 'update' }), REGISTRY);
    expect(kept.rows[0]?.outcome).toBe('unchanged');
    const guard = [...buildUndo(kept.result.changes).lines()];
    expect(guard).toMatchObject([
      { id: 'upd-status', importMode: 'createOrUpdate', authentication: sasAuth() },
    ]);
  });
});
