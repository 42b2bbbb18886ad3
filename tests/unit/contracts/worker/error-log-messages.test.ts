import { describe, expect, it } from 'vitest';
import {
  isFromErrorLogWorker,
  isToErrorLogWorker,
} from '../../../../src/contracts/worker/error-log-messages';

describe('error-log worker messages', () => {
  it('accepts bytes and end going in, and rejects anything else', () => {
    expect(isToErrorLogWorker({ type: 'bytes', bytes: new ArrayBuffer(2) })).toBe(true);
    expect(isToErrorLogWorker({ type: 'end' })).toBe(true);
    expect(isToErrorLogWorker({ type: 'bytes', bytes: 'text' })).toBe(false);
    expect(isToErrorLogWorker(null)).toBe(false);
  });

  it('accepts entry batches and failures coming out', () => {
    expect(isFromErrorLogWorker({ type: 'entries', entries: [] })).toBe(true);
    expect(isFromErrorLogWorker({ type: 'done', entries: [] })).toBe(true);
    expect(isFromErrorLogWorker({ type: 'failed', message: 'x' })).toBe(true);
    expect(isFromErrorLogWorker({ type: 'entries' })).toBe(false);
  });
});
