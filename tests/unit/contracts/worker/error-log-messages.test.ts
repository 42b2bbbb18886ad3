import { describe, expect, it } from 'vitest';
import {
  FromErrorLogWorker,
  ToErrorLogWorker,
} from '../../../../src/contracts/worker/error-log-messages';

const entry = {
  line: 1,
  deviceId: 'a',
  moduleId: null,
  errorCode: 409001,
  errorStatus: 'exists',
  deviceIdFromQuotedLine: false,
};

describe('error-log worker messages', () => {
  it('accepts bytes and a numbered end going in, and rejects anything else', () => {
    expect(ToErrorLogWorker.safeParse({ type: 'bytes', bytes: new ArrayBuffer(2) }).success).toBe(
      true,
    );
    expect(ToErrorLogWorker.safeParse({ type: 'end', requestId: 'r1' }).success).toBe(true);
    expect(ToErrorLogWorker.safeParse({ type: 'end' }).success).toBe(false);
    expect(ToErrorLogWorker.safeParse({ type: 'bytes', bytes: 'text' }).success).toBe(false);
    expect(ToErrorLogWorker.safeParse(null).success).toBe(false);
  });

  it('accepts entry batches and coded failures coming out, and checks each entry', () => {
    expect(FromErrorLogWorker.safeParse({ type: 'entries', entries: [entry] }).success).toBe(true);
    expect(
      FromErrorLogWorker.safeParse({ type: 'done', requestId: 'r1', entries: [] }).success,
    ).toBe(true);
    expect(
      FromErrorLogWorker.safeParse({
        type: 'failed',
        error: { code: 'WORKER_INTERNAL', message: 'x' },
      }).success,
    ).toBe(true);
    expect(FromErrorLogWorker.safeParse({ type: 'failed', message: 'x' }).success).toBe(false);
    expect(FromErrorLogWorker.safeParse({ type: 'entries' }).success).toBe(false);
    expect(
      FromErrorLogWorker.safeParse({ type: 'entries', entries: [{ ...entry, line: 'one' }] })
        .success,
    ).toBe(false);
  });
});
