import { describe, expect, it } from 'vitest';
import { createPlanClient } from '../../../../../src/web/workers/plan/plan-client';
import { inProcessPlanWorker } from '../../support/in-process-plan-worker';

// The client over the real session (in this process), and over a worker that dies or answers out
// of protocol.

type Listener = (event: { data?: unknown; message?: string }) => void;

function scriptedWorker(onPost: (message: { requestId: string }, emit: Listener) => void) {
  const listeners = new Map<string, Listener[]>();
  const emitTo = (type: string) => (event: { data?: unknown; message?: string }) =>
    queueMicrotask(() => listeners.get(type)?.forEach((listener) => listener(event)));
  const worker = {
    postMessage(message: { requestId: string }) {
      onPost(message, (event) =>
        (event.message !== undefined ? emitTo('error') : emitTo('message'))(event),
      );
    },
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    terminate() {},
  };
  return () => worker as unknown as Worker;
}

const file = new Blob(['{"id":"a","importMode":"create"}\n']);

describe('plan client', () => {
  it('plans, pages and writes the undo through the worker protocol', async () => {
    const progress: string[] = [];
    const client = createPlanClient(
      (p) => progress.push(p.phase),
      (error) => {
        throw error;
      },
      inProcessPlanWorker,
    );
    const done = await client.plan(file, new Blob([]), {});
    expect(done.summary.create).toBe(1);
    expect((await client.rows({ offset: 0, limit: 5 })).rows).toHaveLength(1);
    expect((await client.undo()).summary.delete).toBe(1);
    expect(progress).toContain('plan');
    client.close();
    await expect(client.undo()).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('fails the open request and says so when the worker dies', async () => {
    const crashes: string[] = [];
    const client = createPlanClient(
      () => undefined,
      (error) => crashes.push(`${error.code}: ${error.message}`),
      scriptedWorker((_message, emit) => emit({ message: 'out of memory' })),
    );
    await expect(client.plan(file, file, {})).rejects.toThrow(/out of memory/);
    expect(crashes).toEqual(['WORKER_CRASHED: out of memory']);
  });

  it('refuses an answer of another kind than asked for', async () => {
    const client = createPlanClient(
      () => undefined,
      () => undefined,
      scriptedWorker((message, emit) =>
        emit({ data: { type: 'rows-done', requestId: message.requestId, total: 0, rows: [] } }),
      ),
    );
    await expect(client.undo()).rejects.toMatchObject({
      code: 'WORKER_PROTOCOL',
      message: 'Expected undo-done, the worker sent rows-done',
    });
  });
});
