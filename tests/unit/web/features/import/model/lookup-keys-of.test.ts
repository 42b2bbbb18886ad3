import { describe, expect, it } from 'vitest';
import { lookupKeysOf } from '../../../../../../src/web/features/import/model/lookup-keys-of';

const line = (device: Record<string, unknown>) => JSON.stringify(device);

describe('lookupKeysOf', () => {
  it('names each device once, and a module line names its device too', () => {
    const text = [
      line({ id: 'a', importMode: 'create' }),
      line({ id: 'a', moduleId: 'm1', importMode: 'create' }),
      line({ id: 'b', moduleId: 'm2', importMode: 'create' }),
      line({ id: 'a', importMode: 'update' }),
      'not json',
    ].join('\n');
    expect(lookupKeysOf(text)).toEqual([
      { id: 'a' },
      { id: 'a', moduleId: 'm1' },
      { id: 'b' },
      { id: 'b', moduleId: 'm2' },
    ]);
  });

  it('reads the parents a file names through deviceScope and parentScopes, once each', () => {
    const text = [
      line({ id: 'leaf', importMode: 'create', deviceScope: 'ms-azure-iot-edge://gw-1-6370001' }),
      line({
        id: 'edge-2',
        importMode: 'create',
        capabilities: { iotEdge: true },
        parentScopes: ['ms-azure-iot-edge://gw-top-99'],
      }),
      line({ id: 'gw-1', importMode: 'updateTwin' }),
      line({ id: 'leaf-2', importMode: 'update', deviceScope: 'not a scope' }),
    ].join('\n');
    expect(lookupKeysOf(text)).toEqual([
      { id: 'leaf' },
      { id: 'edge-2' },
      { id: 'gw-1' },
      { id: 'leaf-2' },
      { id: 'gw-top' },
    ]);
  });
});
