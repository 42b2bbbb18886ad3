import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import { importRequestFor } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';
import { ROLE_NAMES } from './support/test-authority';

// The edges of a request that Fastify, the token or a body can reach before our routes do: which
// client the token was issued to, URLs the router cannot decode, ids that never existed, strings
// that are not Unicode, and ids built to forge log lines.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack();
});

afterAll(async () => {
  await stack?.close();
});

const errorOf = async (response: Response): Promise<ApiErrorBody['error']> =>
  ((await response.json()) as ApiErrorBody).error;

/** Sends the path byte for byte: fetch() would normalise a bad `%` escape before it left. */
function rawGet(
  pathName: string,
  authorization?: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const url = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'GET',
        path: pathName,
        headers: authorization ? { authorization } : {},
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.once('error', reject);
    request.end();
  });
}

describe('the client a token was issued to', () => {
  const admin = { roles: [ROLE_NAMES.admin], oid: 'oid-azp' };

  it('accepts a token the SPA requested (azp is the SPA client id)', async () => {
    const token = await stack.authority.token({ ...admin, azp: 'spa-client' });
    const response = await fetch(`${stack.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a v2 token of another client (azp)', { azp: 'some-other-app' }],
    ['a v1 token of another client (appid)', { azp: undefined, appid: 'some-other-app' }],
    ['a token that names no client', { azp: undefined }],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_name, claims) => {
    const token = await stack.authority.token({ ...admin, ...claims });
    const response = await fetch(`${stack.url}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const error = await errorOf(response);
    expect([response.status, error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(error.message).toMatch(/client/);
  });
});

describe("Fastify's own errors", () => {
  const badUrls = [
    ['a bad % escape', '/api/jobs/%E0%A4%A'],
    ['an over-long parameter', `/api/jobs/${'a'.repeat(300)}`],
  ] as const;

  it.each(badUrls)(
    'answer %s with the error envelope and the security headers',
    async (_name, pathName) => {
      const response = await rawGet(pathName, await stack.authority.authorization('admin'));
      expect([400, 404]).toContain(response.status);
      const body = JSON.parse(response.body) as ApiErrorBody;
      expect(body.error.code).toMatch(/^(VALIDATION_FAILED|NOT_FOUND|JOB_NOT_FOUND)$/);
      expect(body.error.requestId).toBe(response.headers['x-request-id']);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      const lines = stack.logs.filter(
        (entry) => entry.msg === 'request' && entry.requestId === body.error.requestId,
      );
      expect(lines).toEqual([expect.objectContaining({ status: response.status }) as unknown]);
    },
  );

  it.each(badUrls)('answer %s without a token with 401 first', async (_name, pathName) => {
    const response = await rawGet(pathName);
    const body = JSON.parse(response.body) as ApiErrorBody;
    expect([response.status, body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('answer a bad JSON body with the envelope, and 401 first without a token', async () => {
    const post = (authorization?: string) =>
      fetch(`${stack.url}/api/imports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: '{"fileName":',
      });
    const broken = await post(await stack.authority.authorization('admin'));
    expect([broken.status, (await errorOf(broken)).code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(broken.headers.get('x-content-type-options')).toBe('nosniff');
    const anonymous = await post();
    expect([anonymous.status, (await errorOf(anonymous)).code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

/** Writes bytes that are not HTTP and reads whatever comes back until the server closes. */
function rawBytes(text: string): Promise<string> {
  const url = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
  });
}

describe('requests that are not HTTP', () => {
  it('get the error envelope and the security headers, then the connection closes', async () => {
    const answer = await rawBytes('GET /api/me HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(head).toMatch(/^x-content-type-options: nosniff$/m);
    expect(head).toMatch(/^content-security-policy: .*frame-ancestors 'none'/m);
    const parsed = JSON.parse(body) as ApiErrorBody;
    expect(parsed.error.code).toBe('VALIDATION_FAILED');
    expect(head).toContain(`x-request-id: ${parsed.error.requestId}`);
  });
});

describe('cancel', () => {
  it('answers 404 for an operation that does not exist', async () => {
    const response = await stack.call('DELETE', '/api/jobs/import-20260101-aaaaaaaaaa', 'admin');
    expect([response.status, (await errorOf(response)).code]).toEqual([404, 'OPERATION_NOT_FOUND']);
  });

  it('answers 404 for a hub job id nobody knows', async () => {
    const response = await stack.call('DELETE', '/api/jobs/no-such-job-123', 'admin');
    expect([response.status, (await errorOf(response)).code]).toEqual([404, 'JOB_NOT_FOUND']);
  });
});

describe('strings that are not Unicode', () => {
  it('answers 400 VALIDATION_FAILED to a lone surrogate in a file name, naming the field', async () => {
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, exactly as an attacker would.
    const response = await stack.call('POST', '/api/imports', 'admin', {
      ...importRequestFor('{"id":"x"}', 'id\nx'),
      fileName: '\uD800.csv',
    });
    const error = await errorOf(response);
    expect([response.status, error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ path: 'fileName' }) as unknown,
    ]);
  });
});

describe('ids in the logs', () => {
  const forged = 'x\u001b[2J\n{"msg":"audit","action":"import.start","result":"ok"}';

  it('are validated before they reach the audit log', async () => {
    const before = stack.logs.length;
    const response = await stack.call('DELETE', `/api/jobs/${encodeURIComponent(forged)}`, 'admin');
    expect(response.status).toBe(404);
    const written = stack.logs.slice(before);
    const audit = written.find((entry) => entry.type === 'audit');
    expect(audit).toMatchObject({ action: 'job.cancel', result: 'failed' });
    expect(audit?.jobId).toBeUndefined();
    expect(JSON.stringify(audit)).not.toContain('import.start');
    // The request line keeps the path as it came: percent-encoded, so no control reaches it.
    const line = written.find((entry) => entry.msg === 'request');
    expect(line?.path).toMatch(/^\/api\/jobs\/x%1B/);
  });
});
