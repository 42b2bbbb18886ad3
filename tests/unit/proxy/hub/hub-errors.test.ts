import { describe, expect, it } from 'vitest';
import {
  HubRequestError,
  parseHubErrorBody,
  toApiError,
} from '../../../../src/proxy/hub/hub-errors';

describe('parseHubErrorBody', () => {
  it('reads the code and text of envelope 1 ("ErrorCode:<Name>;<text>")', () => {
    const error = parseHubErrorBody(
      403,
      null,
      JSON.stringify({
        Message: 'ErrorCode:JobQuotaExceeded;Only one active job allowed.\r\nTracking Id:abc',
        ExceptionMessage: 'Tracking ID:abc',
      }),
    );
    expect([error.status, error.hubCode, error.message]).toEqual([
      403,
      'JobQuotaExceeded',
      'Only one active job allowed.',
    ]);
  });

  it('prefers the iothub-errorcode header and reads envelope 2 nested in Message', () => {
    const nested = JSON.stringify({
      errorCode: 404103,
      message: 'Timed out waiting for the response from device.',
    });
    const error = parseHubErrorBody(404, 'DeviceNotOnline', JSON.stringify({ Message: nested }));
    expect([error.hubCode, error.message]).toEqual([
      'DeviceNotOnline',
      'Timed out waiting for the response from device.',
    ]);
  });

  it('falls back to the HTTP status when the body is not JSON', () => {
    expect(parseHubErrorBody(502, null, '<html>bad gateway</html>').hubCode).toBe('Http502');
  });
});

describe('toApiError', () => {
  it.each([
    [new HubRequestError(403, 'JobQuotaExceeded', ''), 409, 'JOB_SLOT_BUSY'],
    [
      new HubRequestError(400, 'BlobContainerValidationError', 'Unauthorized to write'),
      502,
      'HUB_STORAGE_REJECTED',
    ],
    [new HubRequestError(404, 'JobNotFound', ''), 404, 'JOB_NOT_FOUND'],
    [new HubRequestError(401, 'IotHubUnauthorizedAccess', ''), 502, 'HUB_UNAUTHORIZED'],
    [new HubRequestError(429, 'ThrottlingException', ''), 503, 'HUB_THROTTLED'],
    [new HubRequestError(0, 'NetworkError', 'ECONNREFUSED'), 503, 'HUB_UNAVAILABLE'],
    [new HubRequestError(503, 'ServiceUnavailable', ''), 503, 'HUB_UNAVAILABLE'],
    [new HubRequestError(400, 'ArgumentInvalid', 'bad'), 502, 'HUB_ERROR'],
  ])('maps %o to %i %s', (error, status, code) => {
    const mapped = toApiError(error);
    expect([mapped.status, mapped.code]).toEqual([status, code]);
  });
});
