import { describe, expect, it } from 'vitest';
import { parseRegistryText } from '../../../../src/core/registry/build-registry-snapshot';
import { readRecordDevice } from '../../../../src/core/registry/read-record-device';

describe('readRecordDevice', () => {
  it('gives back the device of a line the snapshot kept, with what the summary leaves out', () => {
    const line =
      '{"id":"d1","moduleId":"m","status":"enabled","tags":{"site":"x"},"authentication":null}';
    const snapshot = parseRegistryText(`${line}\r\n`);
    const [record] = [...snapshot.records.values()];
    expect(record).toBeDefined();
    expect(readRecordDevice(record!.text)).toEqual({
      id: 'd1',
      moduleId: 'm',
      status: 'enabled',
      tags: { site: 'x' },
      authentication: null,
    });
  });
});
