import { describe, expect, it } from 'vitest';
import { throttleLimits } from '../../../../src/hub-emulator/throttle/throttle-limits';

describe('throttleLimits', () => {
  it('gives S1 its per-unit minute limits and flat twin rates', () => {
    const s1 = throttleLimits('S1', 3);
    expect(s1.registry).toEqual({ limit: 300, windowSeconds: 60 });
    expect(s1.query).toEqual({ limit: 60, windowSeconds: 60 });
    expect(s1.jobs).toEqual({ limit: 300, windowSeconds: 60 });
    expect(s1.configurations).toEqual({ limit: 60, windowSeconds: 60 });
    expect(s1.twinRead).toEqual({ limit: 100, windowSeconds: 1 });
    expect(s1.twinUpdate).toEqual({ limit: 50, windowSeconds: 1 });
  });

  it('gives S2 the higher of the flat and per-unit twin rates', () => {
    expect(throttleLimits('S2', 5).twinRead.limit).toBe(100);
    expect(throttleLimits('S2', 20).twinRead.limit).toBe(200);
    expect(throttleLimits('S2', 20).twinUpdate.limit).toBe(100);
  });

  it('gives S3 its larger per-unit limits', () => {
    const s3 = throttleLimits('S3', 2);
    expect([s3.registry.limit, s3.query.limit, s3.jobs.limit]).toEqual([10_000, 2000, 10_000]);
    expect([s3.twinRead.limit, s3.twinUpdate.limit]).toEqual([1000, 500]);
  });
});
