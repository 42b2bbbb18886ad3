import { throttleLimits, type ClassLimit, type ThrottleClass, type Tier } from './throttle-limits';

// One token bucket per operation class: it holds a full window's worth of operations (the burst)
// and refills at limit / window. Refused work takes no tokens, so a client that waits the
// advertised time gets through. The clock is the emulator's, so tests can step it.
export interface ThrottleOptions {
  tier: Tier;
  /** Units of the tier (default 1). */
  units?: number;
  /**
   * Send `Retry-After: <seconds>` on 429. Off by default: the live hub was seen without it
   * (docs/reference/hub-wire-contract.md#limits).
   */
  retryAfter?: boolean;
  /** The error name of a 429 (default ThrottlingBacklogTimeout, 429003, as seen live). */
  errorName?: 'ThrottlingBacklogTimeout' | 'ThrottlingException';
}

export type Throttle = (
  throttleClass: ThrottleClass,
  cost: number,
  now: Date,
) => { waitSeconds: number } | undefined;

export function createThrottle(options: ThrottleOptions): Throttle {
  const limits = throttleLimits(options.tier, options.units ?? 1);
  const buckets = new Map<ThrottleClass, { tokens: number; at: number }>();
  return (throttleClass, cost, now) => {
    const { limit, windowSeconds }: ClassLimit = limits[throttleClass];
    const ms = now.getTime();
    const bucket = buckets.get(throttleClass) ?? { tokens: limit, at: ms };
    // Multiplied before dividing, so whole tokens come back exactly on time.
    const refill = (Math.max(0, ms - bucket.at) * limit) / (windowSeconds * 1000);
    bucket.tokens = Math.min(limit, bucket.tokens + refill);
    bucket.at = ms;
    buckets.set(throttleClass, bucket);
    // A bulk call of more items than a window holds could never pass; it costs a full window.
    const needed = Math.min(cost, limit);
    if (bucket.tokens >= needed) {
      bucket.tokens -= needed;
      return undefined;
    }
    const waitSeconds = Math.ceil(((needed - bucket.tokens) * windowSeconds) / limit - 1e-9);
    return { waitSeconds: Math.max(1, waitSeconds) };
  };
}
