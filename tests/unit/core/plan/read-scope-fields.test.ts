import { describe, expect, it } from 'vitest';
import { readScopeFields } from '../../../../src/core/plan/read-scope-fields';
import { EDGE_SCOPE, exportLine } from './support/plan-test-lines';

describe('reading parent and child from an export line', () => {
  it.each([
    [
      exportLine('gw', { capabilities: { iotEdge: true }, deviceScope: EDGE_SCOPE }),
      { edgeScope: EDGE_SCOPE },
    ],
    [
      exportLine('gw-2', {
        capabilities: { iotEdge: true },
        deviceScope: 's2',
        parentScopes: [EDGE_SCOPE],
      }),
      { edgeScope: 's2', parentScope: EDGE_SCOPE },
    ],
    [
      exportLine('leaf', { deviceScope: EDGE_SCOPE, parentScopes: [EDGE_SCOPE] }),
      { parentScope: EDGE_SCOPE },
    ],
  ])('reads %s', (line, fields) => {
    expect(readScopeFields(line)).toEqual(fields);
  });

  it('finds nothing in a device without scope, an edge device without one, or a broken line', () => {
    expect(readScopeFields(exportLine('plain'))).toBeUndefined();
    expect(readScopeFields(exportLine('gw', { capabilities: { iotEdge: true } }))).toBeUndefined();
    expect(readScopeFields('{"id":"x","deviceScope":"s"')).toBeUndefined();
  });
});
