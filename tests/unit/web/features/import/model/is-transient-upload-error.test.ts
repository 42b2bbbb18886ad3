import { describe, expect, it } from 'vitest';
import { isTransientUploadError } from '../../../../../../src/web/features/import/model/is-transient-upload-error';

describe('isTransientUploadError', () => {
  it.each([
    [{ name: 'RestError', statusCode: 503 }, true],
    [{ name: 'RestError', statusCode: 429 }, true],
    [{ name: 'RestError' }, true],
    [{ name: 'RestError', statusCode: 403 }, false],
    [{ name: 'AbortError' }, false],
  ])('decides %j -> %s', (error, expected) => {
    expect(isTransientUploadError(error)).toBe(expected);
  });
});
