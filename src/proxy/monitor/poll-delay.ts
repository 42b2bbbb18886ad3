// How long the job monitor waits before its next look at the hub (docs/proxy.md, "Queue and
// monitor"): every `activeMs` while a job runs, every `idleMs` while none does, and after failures
// an exponential backoff that a 429's Retry-After lengthens but never shortens.

export interface PollTiming {
  activeMs: number;
  idleMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_POLL_TIMING: PollTiming = {
  activeMs: 2_000,
  idleMs: 15_000,
  maxBackoffMs: 60_000,
};

export function nextPollDelay(
  timing: PollTiming,
  state: { jobRunning: boolean; failures: number; retryAfterMs?: number | undefined },
): number {
  if (state.failures === 0) return state.jobRunning ? timing.activeMs : timing.idleMs;
  const backoff = Math.min(timing.maxBackoffMs, timing.activeMs * 2 ** state.failures);
  return Math.max(backoff, state.retryAfterMs ?? 0);
}
