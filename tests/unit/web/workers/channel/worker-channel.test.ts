import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkerFailedMessage } from '../../../../../src/contracts/worker/worker-failure';
import { createWorkerChannel } from '../../../../../src/web/workers/channel/worker-channel';
import { WorkerError } from '../../../../../src/web/workers/channel/worker-error';

type Listener = (event: { data?: unknown; message?: string }) => void;

// Just enough of a Worker for the channel: it records posts and lets the test answer.
class FakeWorker {
  posted: unknown[] = [];
  terminated = false;
  refuse: Error | null = null;
  private listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: unknown) {
    if (this.refuse) throw this.refuse;
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: string, event: { data?: unknown; message?: string }) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  idOf(index: number): string {
    return (this.posted[index] as { requestId: string }).requestId;
  }
}

const Out = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), requestId: z.string(), value: z.number() }),
  z.object({ type: z.literal('other'), requestId: z.string() }),
  z.object({ type: z.literal('tick'), requestId: z.string().optional() }),
  WorkerFailedMessage,
]);

function setup() {
  const worker = new FakeWorker();
  const events: unknown[] = [];
  const failures: WorkerError[] = [];
  const channel = createWorkerChannel({
    create: () => worker as unknown as Worker,
    schema: Out,
    isAnswer: (m) => m.type !== 'tick',
    onEvent: (m) => events.push(m),
    onFailure: (error) => failures.push(error),
  });
  return { worker, channel, events, failures };
}

describe('the worker channel', () => {
  it('matches answers to requests by requestId, whatever their order', async () => {
    const { worker, channel } = setup();
    const first = channel.ask((requestId) => ({ ask: 1, requestId }), 'answer');
    const second = channel.ask((requestId) => ({ ask: 2, requestId }), 'answer');
    worker.emit('message', { data: { type: 'answer', requestId: worker.idOf(1), value: 2 } });
    worker.emit('message', { data: { type: 'answer', requestId: worker.idOf(0), value: 1 } });
    expect(await first).toMatchObject({ value: 1 });
    expect(await second).toMatchObject({ value: 2 });
  });

  it('rejects a request the worker fails with the code it names', async () => {
    const { worker, channel, failures } = setup();
    const pending = channel.ask((requestId) => ({ requestId }), 'answer');
    worker.emit('message', {
      data: {
        type: 'failed',
        requestId: worker.idOf(0),
        error: { code: 'RECORD_NOT_FOUND', message: 'no such device' },
      },
    });
    await expect(pending).rejects.toMatchObject({
      name: 'WorkerError',
      code: 'RECORD_NOT_FOUND',
      message: 'no such device',
    });
    expect(failures).toEqual([]);
  });

  it('rejects an answer of another type than the one asked for', async () => {
    const { worker, channel } = setup();
    const pending = channel.ask((requestId) => ({ requestId }), 'answer');
    worker.emit('message', { data: { type: 'other', requestId: worker.idOf(0) } });
    await expect(pending).rejects.toMatchObject({ code: 'WORKER_PROTOCOL' });
  });

  it('passes events on, and reports a message that breaks the protocol as WORKER_PROTOCOL', async () => {
    const { worker, channel, events, failures } = setup();
    const pending = channel.ask((requestId) => ({ requestId }), 'answer');
    worker.emit('message', { data: { type: 'tick' } });
    worker.emit('message', { data: { type: 'bogus' } });
    expect(events).toEqual([{ type: 'tick' }]);
    expect(failures.map((f) => f.code)).toEqual(['WORKER_PROTOCOL']);
    await expect(pending).rejects.toMatchObject({ code: 'WORKER_PROTOCOL' });
  });

  it('reports a failure outside any request to onFailure', () => {
    const { worker, failures } = setup();
    worker.emit('message', {
      data: { type: 'failed', error: { code: 'WORKER_INTERNAL', message: 'chunk broke' } },
    });
    expect(failures.map((f) => [f.code, f.message])).toEqual([['WORKER_INTERNAL', 'chunk broke']]);
  });

  it('fails every open and later request as WORKER_CRASHED when the worker dies', async () => {
    const { worker, channel, failures } = setup();
    const pending = channel.ask((requestId) => ({ requestId }), 'answer');
    worker.emit('error', { message: 'out of memory' });
    await expect(pending).rejects.toMatchObject({
      code: 'WORKER_CRASHED',
      message: 'out of memory',
    });
    await expect(channel.ask((requestId) => ({ requestId }), 'answer')).rejects.toMatchObject({
      code: 'WORKER_CRASHED',
    });
    expect(failures.map((f) => f.code)).toEqual(['WORKER_CRASHED']);
    expect(worker.terminated).toBe(true);
  });

  it('rejects a request whose message cannot be posted, without a stale waiter', async () => {
    const { worker, channel } = setup();
    worker.refuse = new Error('could not be cloned');
    await expect(channel.ask((requestId) => ({ requestId }), 'answer')).rejects.toMatchObject({
      code: 'WORKER_PROTOCOL',
      message: 'could not be cloned',
    });
  });

  it('terminates the worker on close and rejects open and later requests as CANCELLED aborts', async () => {
    const { worker, channel, failures } = setup();
    const pending = channel.ask((requestId) => ({ requestId }), 'answer');
    channel.close();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', code: 'CANCELLED' });
    await expect(channel.ask((requestId) => ({ requestId }), 'answer')).rejects.toBeInstanceOf(
      WorkerError,
    );
    worker.emit('message', { data: { type: 'bogus' } });
    expect(failures).toEqual([]);
  });
});
