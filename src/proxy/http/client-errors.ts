import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { ConnectionError } from 'fastify';
import type { ApiErrorBody } from '../../contracts/api/errors';
import type { ProxyErrorCode } from './api-error';
import type { ProxyLog } from './request-log';
import type { SecurityHeadersFor } from './security-headers';

// Bytes that are not HTTP (a bad header line, headers over Node's limit, a request that never
// finished) never become a request: Node hands the socket to this handler, and Fastify's default
// writes a bare JSON line without our envelope or headers. This writes the one error body with the
// security headers and a request id, logs it, and closes the connection. Nothing was parsed, so
// there is nothing to authenticate and nothing about our routes to reveal.

function describe(error: ConnectionError): [number, string, ProxyErrorCode, string] {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return [
      431,
      'Request Header Fields Too Large',
      'PAYLOAD_TOO_LARGE',
      'The headers are too large.',
    ];
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return [408, 'Request Timeout', 'VALIDATION_FAILED', 'The request did not arrive in time.'];
  return [400, 'Bad Request', 'VALIDATION_FAILED', 'The request is not valid HTTP.'];
}

export function clientErrorHandler(
  headersFor: SecurityHeadersFor,
  log: ProxyLog,
): (error: ConnectionError, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, reason, code, message] = describe(error);
    const requestId = randomUUID();
    const body: ApiErrorBody = { error: { code, message, requestId } };
    const text = JSON.stringify(body);
    const headers = {
      ...headersFor(''),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-request-id': requestId,
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n\r\n${text}`);
    else socket.destroy();
    log({ level: 'info', msg: 'request', requestId, status, clientError: error.code });
  };
}
