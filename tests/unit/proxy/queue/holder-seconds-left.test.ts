import { describe, expect, it } from 'vitest';
import type { SlotHolder } from '../../../../src/contracts/api/queue';
import { holderSecondsLeft } from '../../../../src/proxy/queue/holder-seconds-left';

const NOW = new Date('2026-12-08T02:00:00.000Z');
const holder = (progress: number, startTimeUtc: string | null): SlotHolder => ({
  jobId: 'j1',
  type: 'import',
  status: 'running',
  progress,
  startTimeUtc,
  operationId: null,
});

describe('holderSecondsLeft', () => {
  it('is 0 with no holder', () => {
    expect(holderSecondsLeft(null, undefined, 100, NOW)).toBe(0);
  });

  it("counts a console job's remaining rows at the hub's throughput", () => {
    expect(holderSecondsLeft(holder(25, '2026-12-08T01:59:00.000Z'), 4000, 100, NOW)).toBe(30);
  });

  it("extrapolates another tool's job from its own pace", () => {
    // 12% in 6 s: 44 s more.
    expect(
      holderSecondsLeft(holder(12, '2026-12-08T01:59:54.000Z'), undefined, 100, NOW),
    ).toBeCloseTo(44, 5);
  });

  it('says nothing for a job with no progress or no start time', () => {
    expect(
      holderSecondsLeft(holder(0, '2026-12-08T01:59:00.000Z'), undefined, 100, NOW),
    ).toBeNull();
    expect(holderSecondsLeft(holder(50, null), undefined, 100, NOW)).toBeNull();
  });
});
