import { describe, expect, it } from 'vitest';
import { EDGE_SCOPE, exportLine, exportText, plan, rowOf } from './support/plan-test-lines';

const PARENT = 'ms-azure-iot-edge://gw-parent-637000000000000001';
const registry = exportText(
  exportLine('gw-1', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
  exportLine('gw-1', { moduleId: '$edgeAgent' }),
  exportLine('gw-1', { moduleId: '$edgeHub' }),
  exportLine('gw-parent', { capabilities: { iotEdge: true }, deviceScope: PARENT }),
  exportLine('leaf-1', { deviceScope: EDGE_SCOPE, parentScopes: [EDGE_SCOPE] }),
  exportLine('plain'),
);

describe('edge devices and parent scopes, as the hub keeps them', () => {
  it('creates an edge device with a minted scope and its two system modules, counting all three', () => {
    const r = plan(
      registry,
      [
        {
          id: 'gw-new',
          importMode: 'create',
          capabilities: { iotEdge: true },
          deviceScope: 'custom',
        },
        {
          id: 'gw-new',
          moduleId: '$edgeAgent',
          importMode: 'createOrUpdate',
          properties: { desired: { a: 1 } },
        },
        { id: 'gw-new', moduleId: '$edgeHub', importMode: 'create' },
        { id: 'one-more', importMode: 'create' },
      ],
      { deviceCap: 9 },
    );
    expect(rowOf(r, 1)).toMatchObject({
      outcome: 'create',
      notes: ['scope-generated', 'system-modules-created'],
    });
    expect(rowOf(r, 2)).toMatchObject({ outcome: 'update', fields: ['properties.desired.a'] });
    expect(rowOf(r, 3)).toMatchObject({ outcome: 'fail', errorCode: 409301 });
    expect(rowOf(r, 4)).toMatchObject({ outcome: 'fail', errorCode: 403002 });
  });

  it('ignores a deviceScope on an edge device update: the scope never changes', () => {
    const r = plan(registry, [
      { id: 'gw-1', importMode: 'updateTwin', tags: { a: 1 } },
      {
        id: 'gw-1',
        importMode: 'createOrUpdate',
        capabilities: { iotEdge: true },
        deviceScope: 'ms-azure-iot-edge://other',
      },
    ]);
    expect(rowOf(r, 2).outcome).toBe('unchanged');
  });

  it('moves a leaf under another edge device and fills parentScopes, or refuses an unknown scope', () => {
    const r = plan(registry, [
      { id: 'leaf-1', importMode: 'createOrUpdate', deviceScope: PARENT },
      { id: 'plain', importMode: 'update', deviceScope: 'anything' },
    ]);
    expect(rowOf(r, 1)).toMatchObject({
      outcome: 'update',
      fields: ['deviceScope', 'parentScopes'],
    });
    expect(rowOf(r, 2)).toMatchObject({
      outcome: 'fail',
      errorCode: 400004,
      reason: 'invalid-scope',
    });
  });

  it('takes a leaf out of its parent with a null deviceScope', () => {
    const r = plan(registry, [{ id: 'leaf-1', importMode: 'update', deviceScope: null }]);
    expect(rowOf(r, 1).fields).toEqual(['deviceScope', 'parentScopes']);
  });

  it('nests an edge device under another through parentScopes, refusing one that is not an edge scope', () => {
    const r = plan(registry, [
      { id: 'gw-1', importMode: 'update', capabilities: { iotEdge: true }, parentScopes: [PARENT] },
      { id: 'gw-2', importMode: 'create', capabilities: { iotEdge: true }, parentScopes: ['nope'] },
    ]);
    expect(rowOf(r, 1)).toMatchObject({ outcome: 'update', fields: ['parentScopes'] });
    expect(rowOf(r, 2)).toMatchObject({ outcome: 'fail', errorCode: 400004 });
  });

  it('says that children keep the scope of a deleted edge device, whose modules go with it', () => {
    const r = plan(registry, [
      { id: 'gw-1', importMode: 'delete' },
      { id: 'leaf-2', importMode: 'create', deviceScope: EDGE_SCOPE },
    ]);
    expect(rowOf(r, 1)).toMatchObject({
      outcome: 'delete',
      notes: ['modules-deleted', 'children-keep-scope'],
    });
    expect(rowOf(r, 2).errorCode).toBe(400004);
  });

  it('makes a device an edge device: a minted scope and the system modules', () => {
    const r = plan(registry, [
      { id: 'plain', importMode: 'update', capabilities: { iotEdge: true } },
    ]);
    expect(rowOf(r, 1)).toMatchObject({
      outcome: 'update',
      fields: ['capabilities.iotEdge', 'deviceScope'],
      notes: ['system-modules-created'],
    });
  });

  it("keeps the scope another hub made for the same id on create, so a copy's children find it", () => {
    const root = 'ms-azure-iot-edge://gw-root-637939284771553170';
    const child = 'ms-azure-iot-edge://gw-child-637939285120834411';
    // The child gateway and the leaf come first in the file; the batch applies parents first.
    const r = plan(registry, [
      {
        id: 'gw-child',
        importMode: 'create',
        capabilities: { iotEdge: true },
        deviceScope: child,
        parentScopes: [root],
      },
      { id: 'a-leaf', importMode: 'create', deviceScope: child, parentScopes: [child] },
      { id: 'gw-root', importMode: 'create', capabilities: { iotEdge: true }, deviceScope: root },
      // Another device's scope form is not kept: the hub mints one.
      {
        id: 'gw-other',
        importMode: 'create',
        capabilities: { iotEdge: true },
        deviceScope: root,
      },
    ]);
    expect([1, 2, 3].map((line) => rowOf(r, line).outcome)).toEqual(['create', 'create', 'create']);
    expect(rowOf(r, 3).notes).toEqual(['system-modules-created']);
    expect(rowOf(r, 4).notes).toEqual(['scope-generated', 'system-modules-created']);
  });
});
