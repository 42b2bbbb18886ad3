import type { Job } from '../../../contracts/api';
import { isApiError } from '../../lib/api-error';
import { isTerminal } from './job-timing';

// How the job page follows a job: a poll every 2 s while the job runs; after a failed poll that
// may succeed later (network, proxy restart, throttling, 5xx) it keeps trying with a doubling wait
// capped at 30 s, and resumes the 2 s pace at the first answer. Jobs run for hours on large hubs,
// so a proxy restart in the middle must not leave the page frozen. An
// answer that will not change by asking again (unknown job, no access) stops the following.
// Pure: the clock is passed in; the hook in api/use-followed-job.ts drives it.

export interface FollowTiming {
  pollMs: number;
  maxRetryMs: number;
}

export const FOLLOW_TIMING: FollowTiming = { pollMs: 2000, maxRetryMs: 30_000 };

export type FollowState =
  | { kind: 'following'; nextPollAt: number }
  | { kind: 'lost'; failures: number; nextPollAt: number; lastError: unknown }
  | { kind: 'stopped'; reason: 'finished' | 'not-started' | 'refused' };

/** 4 s, 8 s, 16 s, then 30 s between attempts with the default timing. */
export function retryDelayMs(failures: number, timing: FollowTiming = FOLLOW_TIMING): number {
  return Math.min(timing.pollMs * 2 ** Math.max(1, failures), timing.maxRetryMs);
}

export function isLostConnection(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function afterAnswer(
  job: Job,
  now: number,
  timing: FollowTiming = FOLLOW_TIMING,
): FollowState {
  if (job.jobId === null) return { kind: 'stopped', reason: 'not-started' };
  // A finished import's error lines are counted by the proxy after it first sees the job end;
  // until the count arrives the outcome (clean, with errors, all refused) is not known yet.
  const awaitingCount =
    job.type === 'import' && job.status === 'completed' && job.errorLineCount === null;
  if (isTerminal(job) && !awaitingCount) return { kind: 'stopped', reason: 'finished' };
  return { kind: 'following', nextPollAt: now + timing.pollMs };
}

export function afterFailure(
  state: FollowState,
  error: unknown,
  now: number,
  timing: FollowTiming = FOLLOW_TIMING,
): FollowState {
  if (!isLostConnection(error)) return { kind: 'stopped', reason: 'refused' };
  const failures = state.kind === 'lost' ? state.failures + 1 : 1;
  return {
    kind: 'lost',
    failures,
    nextPollAt: now + retryDelayMs(failures, timing),
    lastError: error,
  };
}

/** Whole seconds until the next attempt, for "retrying in N s"; never below 0. */
export function secondsUntil(state: FollowState, now: number): number | null {
  if (state.kind === 'stopped') return null;
  return Math.max(0, Math.ceil((state.nextPollAt - now) / 1000));
}
