import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkerChannel } from '../../../../../src/web/workers/channel/worker-channel';

type Listener = (event: { data?: unknown; message?: string }) => void;

// Just enough of a Worker for the channel: it records posts and lets the test answer.
class FakeWorker {
  posted: unknown[] = [];
  terminated = false;
  private listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(type: string, event: { data?: unknown; message?: string }) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const Out = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), requestId: z.string(), value: z.number() }),
  z.object({ type: z.literal('failed'), requestId: z.string(), message: z.string() }),
  z.object({ type: z.literal('tick'), requestId: z.string().optional() }),
]);

function setup() {
  const worker = new FakeWorker();
  const events: unknown[] = [];
  const crashes: string[] = [];
  const channel = createWorkerChannel({
    schema: Out,
    isAnswer: (m) => m.type !== 'tick',
    errorOf: (m) => (m.type === 'failed' ? m.message : null),
    onEvent: (m) => events.push(m),
    onCrash: (m) => crashes.push(m),
    createWorker: () => worker as unknown as Worker,
  });
  return { worker, channel, events, crashes };
}

describe('the worker channel', () => {
  it('matches answers to requests by requestId, whatever their order', async () => {
    const { worker, channel } = setup();
    const first = channel.request((requestId) => ({ ask: 1, requestId }));
    const second = channel.request((requestId) => ({ ask: 2, requestId }));
    const [id1, id2] = worker.posted.map((m) => (m as { requestId: string }).requestId);
    worker.emit('message', { data: { type: 'answer', requestId: id2, value: 2 } });
    worker.emit('message', { data: { type: 'answer', requestId: id1, value: 1 } });
    expect(await first).toMatchObject({ value: 1 });
    expect(await second).toMatchObject({ value: 2 });
  });

  it('rejects a request the worker answers with a failure', async () => {
    const { worker, channel } = setup();
    const pending = channel.request((requestId) => ({ requestId }));
    worker.emit('message', {
      data: { type: 'failed', requestId: 'r1', message: 'no such device' },
    });
    await expect(pending).rejects.toThrow('no such device');
  });

  it('passes events on, and reports a message that breaks the protocol', () => {
    const { worker, events, crashes } = setup();
    worker.emit('message', { data: { type: 'tick' } });
    worker.emit('message', { data: { type: 'bogus' } });
    expect(events).toEqual([{ type: 'tick' }]);
    expect(crashes).toHaveLength(1);
  });

  it('fails every open request when the worker dies', async () => {
    const { worker, channel, crashes } = setup();
    const pending = channel.request((requestId) => ({ requestId }));
    worker.emit('error', { message: 'out of memory' });
    await expect(pending).rejects.toThrow('out of memory');
    expect(crashes[0]).toMatch(/out of memory/);
  });

  it('terminates the worker on close and rejects open requests as aborted', async () => {
    const { worker, channel } = setup();
    const pending = channel.request((requestId) => ({ requestId }));
    channel.close();
    expect(worker.terminated).toBe(true);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(channel.request((requestId) => ({ requestId }))).rejects.toThrow('closed');
  });
});
