import { describe, expect, it } from 'vitest';
import { effectiveDeviceCap } from '../../../../../src/web/workers/plan/effective-device-cap';

describe('effectiveDeviceCap', () => {
  it('lowers the cap by the devices the hub holds outside the snapshot', () => {
    expect(effectiveDeviceCap(999_990, 10)).toBe(1_000_000 - 999_980);
    expect(effectiveDeviceCap(50, 20, 100)).toBe(70);
  });

  it('keeps the cap when the hub count is unknown or the snapshot holds more than the hub', () => {
    expect(effectiveDeviceCap(null, 10)).toBe(1_000_000);
    expect(effectiveDeviceCap(5, 10, 100)).toBe(100);
  });

  it('never gives the engine less than 1', () => {
    expect(effectiveDeviceCap(500, 0, 100)).toBe(1);
  });
});
