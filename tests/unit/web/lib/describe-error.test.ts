import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../../src/contracts/api';
import { ApiError, CLIENT_ERROR_CODES, activeJobIdOf } from '../../../../src/web/lib/api-error';
import { WORKER_FAILURE_CODES } from '../../../../src/contracts/worker/worker-failure';
import { describeError, wordsForCode } from '../../../../src/web/lib/describe-error';
import { WORKER_FAILURE_WORDS } from '../../../../src/web/lib/worker-failure-words';
import { WorkerError } from '../../../../src/web/workers/channel/worker-error';

describe('describeError', () => {
  it.each([...API_ERROR_CODES, ...CLIENT_ERROR_CODES])(
    'has its own words (what, why, what to do) for %s',
    (code) => {
      const words = wordsForCode(code);
      expect(words.title).not.toBe('Something went wrong');
      expect(words.why.length).toBeGreaterThan(10);
      expect(words.action.length).toBeGreaterThan(10);
    },
  );

  it('keeps the code and request id of an ApiError', () => {
    const words = describeError(
      new ApiError({ code: 'JOB_SLOT_BUSY', status: 409, message: 'busy', requestId: 'req-1' }),
    );
    expect(words).toMatchObject({
      code: 'JOB_SLOT_BUSY',
      requestId: 'req-1',
      title: 'Another job is running',
    });
  });

  it('uses the server message as the reason for a validation error', () => {
    const words = describeError(
      new ApiError({ code: 'VALIDATION_FAILED', status: 400, message: 'fileName is empty' }),
    );
    expect(words.why).toBe('fileName is empty');
  });

  it("shows the hub's own words for a query it cannot run", () => {
    const words = describeError(
      new ApiError({
        code: 'QUERY_INVALID',
        status: 400,
        message: "IoT Hub: Invalid query: expected a value after 'WHERE'",
      }),
    );
    expect(words.title).toBe('The hub cannot run this query');
    expect(words.why).toBe(
      "The hub refused the query. IoT Hub: Invalid query: expected a value after 'WHERE'",
    );
  });

  it('names a server code it does not know, with the server’s message as the reason', () => {
    const words = describeError(
      new ApiError({
        code: 'UNKNOWN_SERVER_CODE',
        serverCode: 'QUOTA_NEW',
        status: 409,
        message: 'over quota',
        requestId: 'req-9',
      }),
    );
    expect(words).toMatchObject({
      code: 'QUOTA_NEW',
      requestId: 'req-9',
      title: 'The server reported an error this console does not know',
    });
    expect(words.why).toMatch(/The server said: over quota$/);
  });

  it('treats an AbortError as a cancellation, not a failure', () => {
    expect(describeError(new DOMException('stop', 'AbortError')).code).toBe('ABORTED');
  });

  it('explains a 403 from storage as an expired or wrong upload link', () => {
    const storageError = Object.assign(new Error('forbidden'), {
      name: 'RestError',
      statusCode: 403,
    });
    expect(describeError(storageError).code).toBe('UPLOAD_REFUSED');
  });

  it('falls back to the error message for unknown errors', () => {
    expect(describeError(new Error('disk on fire')).why).toBe('disk on fire');
  });

  it('reads the active job id from a JOB_SLOT_BUSY error', () => {
    const busy = new ApiError({
      code: 'JOB_SLOT_BUSY',
      status: 409,
      message: 'busy',
      details: { activeJobId: 'job-7' },
    });
    expect(activeJobIdOf(busy)).toBe('job-7');
    expect(activeJobIdOf(new ApiError({ code: 'INTERNAL', status: 500, message: 'x' }))).toBeNull();
  });
});

describe('describeError for a worker failure', () => {
  it.each(WORKER_FAILURE_CODES)('has its own words for %s', (code) => {
    const words = describeError(new WorkerError(code, 'detail'));
    if (code === 'CANCELLED') expect(words.code).toBe('ABORTED');
    else expect(words).toMatchObject({ code, title: WORKER_FAILURE_WORDS[code].title });
    expect(words.title).not.toBe('Something went wrong');
  });

  it("adds the browser's reason only for a file it could not read", () => {
    expect(describeError(new WorkerError('FILE_UNREADABLE', 'NotReadableError')).why).toContain(
      'NotReadableError',
    );
    expect(describeError(new WorkerError('WORKER_INTERNAL', 'x is undefined')).why).not.toContain(
      'x is undefined',
    );
  });
});
