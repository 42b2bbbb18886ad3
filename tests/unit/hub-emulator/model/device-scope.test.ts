import { describe, expect, it } from 'vitest';
import {
  generatedEdgeScope,
  isEdgeSystemModule,
  isOwnGeneratedScope,
  scopeOwnerId,
} from '../../../../src/hub-emulator/model/device-scope';

describe('edge device scopes', () => {
  it('generates ms-azure-iot-edge://<deviceId>-<generationId>', () => {
    expect(generatedEdgeScope('edge-1', '637612875267710000')).toBe(
      'ms-azure-iot-edge://edge-1-637612875267710000',
    );
  });

  it('reads the owner id back, dashes in the id included', () => {
    expect(scopeOwnerId('ms-azure-iot-edge://plant-7-gw-637612875267710000')).toBe('plant-7-gw');
  });

  it.each([
    'ms-azure-iot-edge://edge',
    'ms-azure-iot-edge://-123',
    'ms-azure-iot-edge://edge-1-12a',
    'edge-1-123',
    'a7b1d7e2-uuid-like',
  ])('finds no owner in %s', (scope) => {
    expect(scopeOwnerId(scope)).toBeUndefined();
  });

  it('recognises a scope generated for the same id only', () => {
    expect(isOwnGeneratedScope('ms-azure-iot-edge://edge-1-42', 'edge-1')).toBe(true);
    expect(isOwnGeneratedScope('ms-azure-iot-edge://edge-1-42', 'edge-2')).toBe(false);
    expect(isOwnGeneratedScope(null, 'edge-1')).toBe(false);
  });

  it('knows the two runtime modules', () => {
    expect(isEdgeSystemModule('$edgeAgent')).toBe(true);
    expect(isEdgeSystemModule('$edgeHub')).toBe(true);
    expect(isEdgeSystemModule('$custom')).toBe(false);
  });
});
