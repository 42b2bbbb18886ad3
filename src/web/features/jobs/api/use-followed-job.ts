import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  FOLLOW_TIMING,
  afterAnswer,
  afterFailure,
  secondsUntil,
  type FollowState,
  type FollowTiming,
} from '../job-follow-state';
import { jobQueryOptions } from './get-job';

// The job query, polled by the follow state machine: every settled fetch (an answer or a failure)
// is one event; the next fetch is a timer to the state's nextPollAt. "Retry now" fetches at once.

const INITIAL: FollowState = { kind: 'following', nextPollAt: 0 };

export interface FollowOptions {
  timing?: FollowTiming;
  now?: () => number;
}

export function useFollowedJob(jobId: string, options: FollowOptions = {}) {
  const timing = options.timing ?? FOLLOW_TIMING;
  const now = options.now ?? Date.now;
  const query = useQuery(jobQueryOptions(jobId));
  const [follow, setFollow] = useState<FollowState>(INITIAL);
  const seen = useRef({ data: 0, error: 0 });
  const { dataUpdatedAt, errorUpdateCount, data, error, refetch } = query;

  useEffect(() => {
    const previous = seen.current;
    seen.current = { data: dataUpdatedAt, error: errorUpdateCount };
    if (errorUpdateCount > previous.error)
      setFollow((state) => afterFailure(state, error, now(), timing));
    else if (dataUpdatedAt > previous.data && data) setFollow(afterAnswer(data, now(), timing));
  }, [dataUpdatedAt, errorUpdateCount, data, error, now, timing]);

  const nextPollAt = follow.kind === 'stopped' ? null : follow.nextPollAt;
  useEffect(() => {
    if (nextPollAt === null || nextPollAt === 0) return;
    const timer = setTimeout(() => void refetch(), Math.max(0, nextPollAt - now()));
    return () => clearTimeout(timer);
  }, [nextPollAt, refetch, now]);

  // A once-a-second tick only while the connection is lost, for the "retrying in N s" countdown.
  const [, setTick] = useState(0);
  const lost = follow.kind === 'lost';
  useEffect(() => {
    if (!lost) return;
    const timer = setInterval(() => setTick((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, [lost]);

  const retryNow = useCallback(() => void refetch(), [refetch]);
  return {
    query,
    follow,
    retryInSeconds: lost ? secondsUntil(follow, now()) : null,
    retryNow,
  };
}
