import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_TIMING, nextPollDelay } from '../../../../src/proxy/monitor/poll-delay';

const timing = DEFAULT_POLL_TIMING;

describe('nextPollDelay', () => {
  it('looks often while a job runs and seldom while none does', () => {
    expect(nextPollDelay(timing, { jobRunning: true, failures: 0 })).toBe(2_000);
    expect(nextPollDelay(timing, { jobRunning: false, failures: 0 })).toBe(15_000);
  });

  it('backs off exponentially after failures, up to a ceiling', () => {
    const delays = [1, 2, 3, 4, 5, 10].map((failures) =>
      nextPollDelay(timing, { jobRunning: true, failures }),
    );
    expect(delays).toEqual([4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it("waits at least the hub's Retry-After, and never less than its own backoff", () => {
    expect(nextPollDelay(timing, { jobRunning: true, failures: 1, retryAfterMs: 45_000 })).toBe(
      45_000,
    );
    expect(nextPollDelay(timing, { jobRunning: true, failures: 3, retryAfterMs: 1_000 })).toBe(
      16_000,
    );
  });
});
