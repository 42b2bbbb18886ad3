// Password attempts on the local authority are limited per account and per client address, so a
// script on the network cannot guess the test users' passwords. A sliding window of
// failure times per key: after `maxFailures` inside `windowMs`, every attempt on that key (even
// with the right password) is refused until the oldest failure leaves the window.

export interface LoginThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export interface LoginThrottle {
  /** Milliseconds until an attempt for these keys is allowed again; 0 when it is allowed now. */
  retryAfterMs(keys: readonly string[]): number;
  recordFailure(keys: readonly string[]): void;
  /** A successful sign-in clears the account's failures (not the address's). */
  clear(key: string): void;
}

export const LOGIN_THROTTLE_DEFAULTS = { maxFailures: 5, windowMs: 60_000 } as const;
// Usernames come from the form, so the table is bounded: past this many keys the least recently
// failed ones are forgotten first.
const MAX_KEYS = 10_000;

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const maxFailures = options.maxFailures ?? LOGIN_THROTTLE_DEFAULTS.maxFailures;
  const windowMs = options.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((time) => time > at - windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };

  return {
    retryAfterMs(keys) {
      const at = now();
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, at);
        if (times.length < maxFailures) continue;
        const oldestThatCounts = times[times.length - maxFailures] ?? at;
        wait = Math.max(wait, oldestThatCounts + windowMs - at);
      }
      return wait;
    },
    recordFailure(keys) {
      const at = now();
      for (const key of keys) {
        const times = recent(key, at);
        failures.delete(key);
        failures.set(key, [...times, at].slice(-maxFailures));
      }
      while (failures.size > MAX_KEYS) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
    clear(key) {
      failures.delete(key);
    },
  };
}

export function accountKey(username: string): string {
  return `account:${username.trim().slice(0, 256)}`;
}

export function addressKey(address: string | undefined): string {
  // Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; count them as one address.
  return `address:${(address ?? 'unknown').replace(/^::ffff:/, '')}`;
}
