import type { ServerResponse } from 'node:http';
import type { HubError } from './hub-error';
import { trackingTimestamp } from '../model/hub-time';

export interface HubResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendResponse(res: ServerResponse, response: HubResponse, requestId: string): void {
  const headers: Record<string, string> = { 'x-ms-request-id': requestId, ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...headers,
    'content-type': JSON_TYPE,
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

// Envelope 1 with the name first, which the Node SDK needs to classify errors
// (docs/reference/hub-wire-contract.md#error-envelopes), and the name in both headers
// (docs/reference/hub-wire-contract.md#headers: C# reads `iothub-errorcode`, and `IotHubErrorCode`
// for bulk).
export function errorResponse(error: HubError, requestId: string, now: Date): HubResponse {
  const tracking = `Tracking ID:${requestId.replaceAll('-', '')}-G:0-TimeStamp:${trackingTimestamp(now)}`;
  return {
    status: error.status,
    body: { Message: `ErrorCode:${error.errorName};${error.message}`, ExceptionMessage: tracking },
    headers: {
      'iothub-errorcode': error.errorName,
      IotHubErrorCode: error.errorName,
      ...error.headers,
    },
  };
}
