import { describe, expect, it } from 'vitest';
import {
  fromContainerMetadata,
  toContainerMetadata,
  type OperationMetadata,
} from '../../../../src/proxy/storage/operation-metadata';

const exported: OperationMetadata = {
  kind: 'export',
  createdAt: '2026-11-27T10:00:00Z',
  createdByName: 'Ada',
  createdByOid: 'oid-ada',
  finalStatus: 'completed',
};

describe('export record counts in container metadata', () => {
  it('round-trips device and module counts as JSON numbers, zero included', () => {
    const raw = toContainerMetadata({ ...exported, deviceCount: 1_000_000, moduleCount: 0 });
    expect(raw).toMatchObject({ devicecount: '1000000', modulecount: '0' });
    expect(fromContainerMetadata(raw)).toMatchObject({ deviceCount: 1_000_000, moduleCount: 0 });
  });

  it('reads metadata written before counts existed as not counted', () => {
    expect(fromContainerMetadata(toContainerMetadata(exported))?.deviceCount).toBeUndefined();
  });

  it('refuses a count that is not a non-negative integer', () => {
    expect(
      fromContainerMetadata({ ...toContainerMetadata(exported), devicecount: '-1' }),
    ).toBeUndefined();
    expect(
      fromContainerMetadata({ ...toContainerMetadata(exported), devicecount: '%22many%22' }),
    ).toBeUndefined();
  });
});
