import { describe, expect, it } from 'vitest';
import {
  afterAnswer,
  afterFailure,
  retryDelayMs,
  secondsUntil,
  type FollowState,
} from '../../../../../src/web/features/jobs/job-follow-state';
import { ApiError } from '../../../../../src/web/lib/api-error';
import { exportJob } from '../exports/support/export-job';

const running = exportJob({ status: 'running', progress: 10, endTimeUtc: null });
const network = new ApiError({ code: 'NETWORK_ERROR', message: 'offline', status: 0 });
const now = 1_000_000;

describe('following a job', () => {
  it('polls every 2 s while the job runs and stops when it ends or was never started', () => {
    expect(afterAnswer(running, now)).toEqual({ kind: 'following', nextPollAt: now + 2000 });
    expect(afterAnswer(exportJob({}), now)).toEqual({ kind: 'stopped', reason: 'finished' });
    expect(afterAnswer(exportJob({ jobId: null, status: 'running' }), now)).toEqual({
      kind: 'stopped',
      reason: 'not-started',
    });
  });

  it('keeps polling a completed import until its error lines are counted', () => {
    const counting = exportJob({ type: 'import', errorLineCount: null });
    expect(afterAnswer(counting, now)).toEqual({ kind: 'following', nextPollAt: now + 2000 });
    expect(afterAnswer({ ...counting, errorLineCount: 3 }, now)).toEqual({
      kind: 'stopped',
      reason: 'finished',
    });
  });

  it('keeps trying after any number of failed polls, waiting 4, 8, 16 and then at most 30 s', () => {
    let state: FollowState = afterAnswer(running, now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      state = afterFailure(state, network, now);
      expect(state.kind).toBe('lost');
      if (state.kind === 'lost') waits.push(state.nextPollAt - now);
    }
    expect(waits).toEqual([4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000]);
    expect(retryDelayMs(50)).toBe(30_000);
  });

  it('resumes the 2 s pace at the first answer after a lost connection', () => {
    let state: FollowState = afterFailure(
      afterFailure(afterAnswer(running, now), network, now),
      network,
      now,
    );
    expect(state).toMatchObject({ kind: 'lost', failures: 2 });
    state = afterAnswer(running, now + 8000);
    expect(state).toEqual({ kind: 'following', nextPollAt: now + 10_000 });
    expect(afterFailure(state, network, now)).toMatchObject({ kind: 'lost', failures: 1 });
  });

  it.each([
    ['a network failure', network],
    ['a proxy restart (502)', new ApiError({ code: 'HUB_UNAVAILABLE', message: 'x', status: 502 })],
    ['throttling (429)', new ApiError({ code: 'RATE_LIMITED', message: 'x', status: 429 })],
    ['a thrown TypeError', new TypeError('fetch failed')],
  ])('counts %s as a lost connection', (_label, error) => {
    expect(afterFailure(afterAnswer(running, now), error, now).kind).toBe('lost');
  });

  it.each([
    ['an unknown job (404)', 404, 'OPERATION_NOT_FOUND'],
    ['no access (403)', 403, 'FORBIDDEN'],
  ] as const)(
    'stops following on %s, which asking again will not change',
    (_label, status, code) => {
      const error = new ApiError({ code, message: 'x', status });
      expect(afterFailure(afterAnswer(running, now), error, now)).toEqual({
        kind: 'stopped',
        reason: 'refused',
      });
    },
  );

  it('counts down the whole seconds to the next attempt', () => {
    const state = afterFailure(afterAnswer(running, now), network, now);
    expect(secondsUntil(state, now)).toBe(4);
    expect(secondsUntil(state, now + 3001)).toBe(1);
    expect(secondsUntil(state, now + 5000)).toBe(0);
    expect(secondsUntil({ kind: 'stopped', reason: 'finished' }, now)).toBeNull();
  });
});
