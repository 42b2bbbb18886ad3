import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/proxy/http/api-error';
import type { OperationQueue } from '../../../../src/proxy/queue/operation-queue';
import { configuredQueue } from '../../../../src/proxy/routes/configured-queue';

describe('configuredQueue', () => {
  it('hands out the queue a deployment configured', () => {
    const queue = {} as OperationQueue;
    expect(configuredQueue(queue, 'start it later')()).toBe(queue);
  });

  it('answers 503 QUEUE_DISABLED saying what to do instead when there is none', () => {
    const refuse = configuredQueue(undefined, 'import the file as one job instead');
    let thrown: unknown;
    try {
      refuse();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({
      status: 503,
      code: 'QUEUE_DISABLED',
      message: 'This console has no queue configured; import the file as one job instead.',
    });
  });
});
