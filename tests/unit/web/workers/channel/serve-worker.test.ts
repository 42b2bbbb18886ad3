import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkerFailedMessage } from '../../../../../src/contracts/worker/worker-failure';
import { createWorkerChannel } from '../../../../../src/web/workers/channel/worker-channel';
import { WorkerError } from '../../../../../src/web/workers/channel/worker-error';
import { workerInProcess } from '../../support/worker-pipe';

const In = z.discriminatedUnion('type', [
  z.object({ type: z.literal('square'), requestId: z.string(), n: z.number() }),
  z.object({ type: z.literal('read'), requestId: z.string() }),
  z.object({ type: z.literal('boom'), requestId: z.string() }),
]);
const Out = z.discriminatedUnion('type', [
  z.object({ type: z.literal('square-done'), requestId: z.string(), n: z.number().int() }),
  z.object({ type: z.literal('note'), text: z.string() }),
  WorkerFailedMessage,
]);

function connect() {
  const worker = workerInProcess({
    receive: In,
    send: Out,
    async handle(message, post) {
      if (message.type === 'square') {
        post({ type: 'note', text: 'squaring' });
        post({ type: 'square-done', requestId: message.requestId, n: message.n * message.n });
      } else if (message.type === 'read') {
        await Promise.resolve();
        throw new WorkerError('FILE_UNREADABLE', 'the file was moved');
      } else throw new Error('unexpected');
    },
    failureCode: (message) => (message.type === 'boom' ? 'CONVERSION_FAILED' : 'WORKER_INTERNAL'),
  });
  const notes: unknown[] = [];
  const channel = createWorkerChannel({
    create: () => worker,
    schema: Out,
    isAnswer: (m) => m.type !== 'note',
    onEvent: (m) => notes.push(m),
  });
  return { channel, notes };
}

describe('serveWorker with the page channel', () => {
  it('answers a request by its requestId, with events on the way', async () => {
    const { channel, notes } = connect();
    const answer = await channel.ask(
      (requestId) => ({ type: 'square', requestId, n: 7 }),
      'square-done',
    );
    expect(answer.n).toBe(49);
    expect(notes).toEqual([{ type: 'note', text: 'squaring' }]);
  });

  it('carries the code of a WorkerError the engine throws, asynchronously too', async () => {
    const { channel } = connect();
    await expect(
      channel.ask((requestId) => ({ type: 'read', requestId }), 'square-done'),
    ).rejects.toMatchObject({ code: 'FILE_UNREADABLE', message: 'the file was moved' });
  });

  it("gives any other error the request's failure code", async () => {
    const { channel } = connect();
    await expect(
      channel.ask((requestId) => ({ type: 'boom', requestId }), 'square-done'),
    ).rejects.toMatchObject({ code: 'CONVERSION_FAILED', message: 'unexpected' });
  });

  it('answers a message it cannot read with WORKER_PROTOCOL for that request', async () => {
    const { channel } = connect();
    await expect(
      channel.ask((requestId) => ({ type: 'square', requestId, n: 'seven' }), 'square-done'),
    ).rejects.toMatchObject({ code: 'WORKER_PROTOCOL' });
  });

  it('refuses to post a message that breaks its own schema, and fails the request instead', async () => {
    const { channel } = connect();
    await expect(
      channel.ask((requestId) => ({ type: 'square', requestId, n: 1.5 }), 'square-done'),
    ).rejects.toMatchObject({ code: 'WORKER_PROTOCOL' });
  });
});
