// @vitest-environment jsdom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElement, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../../../../src/contracts/api';
import { useFollowedJob } from '../../../../../../src/web/features/jobs/api/use-followed-job';
import { configureApiClient } from '../../../../../../src/web/lib/api-client';
import { exportJob } from '../../exports/support/export-job';

// The polling hook against a real HTTP server on loopback. The server answers, drops the
// connection (as a proxy that was killed does) or answers 404, as the test says. Timing is scaled
// down (20 ms polls, 400 ms cap) so the backoff runs its course in well under a second.

type Mode = 'answer' | 'drop' | 'not-found';
let mode: Mode = 'answer';
let job: Job = exportJob({ status: 'running', progress: 10, endTimeUtc: null });
const requests: number[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(Date.now());
    if (mode === 'drop') return void req.socket.destroy();
    if (mode === 'not-found') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({
          error: { code: 'OPERATION_NOT_FOUND', message: 'no such job', requestId: 'r1' },
        }),
      );
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(job));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  configureApiClient({
    getAccessToken: null,
    fetch: (input, init) => globalThis.fetch(new URL(String(input), base), init),
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const TIMING = { pollMs: 20, maxRetryMs: 400 };

function follow() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client }, children);
  return renderHook(() => useFollowedJob('job-1', { timing: TIMING }), { wrapper });
}

describe('useFollowedJob', () => {
  it('keeps polling with backoff after many failed polls, retries on demand and resumes', async () => {
    mode = 'answer';
    job = exportJob({ status: 'running', progress: 10, endTimeUtc: null });
    const hook = follow();
    await waitFor(() => expect(hook.result.current.follow.kind).toBe('following'));

    mode = 'drop';
    // Today's page gave up after 3 failed polls; six in a row must leave it still trying.
    // Act on a fresh failure, so the next scheduled attempt is still far away for "retry now".
    await waitFor(
      () => {
        const state = hook.result.current.follow;
        expect(state.kind === 'lost' && state.failures >= 6).toBe(true);
        expect(Date.now() - (requests.at(-1) ?? 0)).toBeLessThan(100);
      },
      { timeout: 5000 },
    );
    expect(hook.result.current.retryInSeconds).not.toBeNull();
    const failedAt = requests.slice(-4);
    const gaps = failedAt.slice(1).map((at, i) => at - (failedAt[i] ?? at));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    // Doubling waits (..., 160, 320) up to the cap, never past it.
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(TIMING.maxRetryMs - 20);
    for (const gap of gaps) expect(gap).toBeLessThan(TIMING.maxRetryMs + 100);

    // "Retry now" asks at once instead of waiting out the next 400 ms.
    const before = requests.length;
    mode = 'answer';
    const asked = Date.now();
    act(() => hook.result.current.retryNow());
    await waitFor(() => expect(hook.result.current.follow.kind).toBe('following'));
    expect((requests[before] ?? Number.POSITIVE_INFINITY) - asked).toBeLessThan(150);
    expect(hook.result.current.retryInSeconds).toBeNull();

    // Back at the normal pace, it follows the job to its end and then stops asking.
    job = exportJob({ status: 'completed' });
    await waitFor(() =>
      expect(hook.result.current.follow).toEqual({ kind: 'stopped', reason: 'finished' }),
    );
    const settled = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests.length).toBe(settled);
    hook.unmount();
  });

  it('stops following when the proxy says the job does not exist', async () => {
    mode = 'not-found';
    const hook = follow();
    await waitFor(() =>
      expect(hook.result.current.follow).toEqual({ kind: 'stopped', reason: 'refused' }),
    );
    const settled = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests.length).toBe(settled);
    hook.unmount();
  });
});
