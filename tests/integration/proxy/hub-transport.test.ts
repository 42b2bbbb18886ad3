import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureLocalTls } from '../../../src/local-ca/local-ca';
import { createOutboundAgent } from '../../../src/proxy/http/outbound-agent';
import { HubRequestError } from '../../../src/proxy/hub/hub-errors';
import { createHubTransport, type HubTransport } from '../../../src/proxy/hub/hub-transport';

// The hub client's transport against a scripted HTTPS server (our local CA): which failures it
// retries, how it encodes paths, what it sends. The real emulator is covered in hub-jobs.test.ts.

type Script = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let dir: string;
let port: number;
let caPem: string;
let script: Script[] = [];
const seen: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];

const key = Buffer.alloc(32, 7).toString('base64');

function transport(options: { timeoutMs?: number; trusted?: boolean } = {}): HubTransport {
  return createHubTransport({
    connectionString: `HostName=localhost:${port};SharedAccessKeyName=iothubowner;SharedAccessKey=${key}`,
    dispatcher: createOutboundAgent({
      trustedCaPem: options.trusted === false ? undefined : caPem,
    }),
    now: () => new Date(),
    timeoutMs: options.timeoutMs ?? 2_000,
    sleep: async () => undefined,
    random: () => 0.5,
  });
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Script =>
  (_request, response) => {
    response
      .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      .end(JSON.stringify(body));
  };

async function failure(work: Promise<unknown>): Promise<HubRequestError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof HubRequestError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hub-transport-'));
  const tls = await ensureLocalTls(dir);
  caPem = tls.caCertPem;
  server = createServer({ cert: tls.certPem, key: tls.keyPem }, (request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const next = script.shift() ?? json(500, { Message: 'ErrorCode:ServerError;no script' });
    next(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  script = [];
  seen.length = 0;
});

describe('hub transport', () => {
  it('sends a SAS for the configured host, the pinned api-version and a request id', async () => {
    script = [json(200, [])];
    await transport().send({ method: 'GET', segments: ['jobs'], idempotent: true });
    expect(seen[0]?.url).toBe('/jobs?api-version=2021-04-12');
    expect(seen[0]?.headers.authorization).toMatch(
      new RegExp(
        `^SharedAccessSignature sr=localhost%3A${port}&sig=[^&]+&se=\\d+&skn=iothubowner$`,
      ),
    );
    expect(seen[0]?.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('encodes each path segment, so an id cannot add segments or a query', async () => {
    script = [json(200, {})];
    await transport().send({
      method: 'GET',
      segments: ['jobs', '../devices/x?api-version=1#'],
      idempotent: true,
    });
    expect(seen[0]?.url).toBe('/jobs/..%2Fdevices%2Fx%3Fapi-version%3D1%23?api-version=2021-04-12');
  });

  it('retries a GET after 503 and a 429, then succeeds', async () => {
    script = [
      json(503, { Message: 'ErrorCode:ServiceUnavailable;busy' }),
      json(429, { Message: 'ErrorCode:ThrottlingException;slow' }),
      json(200, [{ jobId: 'a' }]),
    ];
    const response = await transport().send({
      method: 'GET',
      segments: ['jobs'],
      idempotent: true,
    });
    expect(response.body).toEqual([{ jobId: 'a' }]);
    expect(seen).toHaveLength(3);
  });

  it('retries a job create only on 429, never after a 500 that may have created the job', async () => {
    script = [
      json(429, { Message: 'ErrorCode:ThrottlingException;slow' }),
      json(200, { jobId: 'j' }),
    ];
    await transport().send({
      method: 'POST',
      segments: ['jobs', 'create'],
      body: { type: 'export' },
      idempotent: false,
    });
    expect(seen).toHaveLength(2);

    seen.length = 0;
    script = [json(500, { Message: 'ErrorCode:ServerError;oops' }), json(200, { jobId: 'twice' })];
    const error = await failure(
      transport().send({
        method: 'POST',
        segments: ['jobs', 'create'],
        body: {},
        idempotent: false,
      }),
    );
    expect([error.status, error.hubCode]).toEqual([500, 'ServerError']);
    expect(seen).toHaveLength(1);
  });

  it('does not retry a 4xx such as 404 JobNotFound, and parses the hub envelope', async () => {
    script = [
      json(
        404,
        { Message: 'ErrorCode:JobNotFound;Job not found', ExceptionMessage: 'Tracking ID:x' },
        { 'iothub-errorcode': 'JobNotFound' },
      ),
    ];
    const error = await failure(
      transport().send({ method: 'GET', segments: ['jobs', 'x'], idempotent: true }),
    );
    expect([error.status, error.hubCode, error.message]).toEqual([
      404,
      'JobNotFound',
      'Job not found',
    ]);
    expect(seen).toHaveLength(1);
  });

  it('gives up after three retries', async () => {
    script = Array.from({ length: 10 }, () => json(503, {}));
    const error = await failure(
      transport().send({ method: 'GET', segments: ['jobs'], idempotent: true }),
    );
    expect(error.status).toBe(503);
    expect(seen).toHaveLength(4);
  });

  it('treats a redirect as an error rather than following it to another host', async () => {
    script = [
      (_request, response) =>
        response.writeHead(307, { location: 'https://example.com/jobs' }).end(),
    ];
    const error = await failure(
      transport().send({ method: 'GET', segments: ['jobs'], idempotent: false }),
    );
    expect(error.hubCode).toBe('NetworkError');
    expect(seen).toHaveLength(1);
  });

  it('times out a hung request', async () => {
    script = [() => undefined];
    const started = Date.now();
    const error = await failure(
      transport({ timeoutMs: 300 }).send({ method: 'GET', segments: ['jobs'], idempotent: false }),
    );
    expect(error.hubCode).toBe('NetworkError');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a hub certificate that the trusted CA did not sign', async () => {
    script = [json(200, [])];
    const error = await failure(
      transport({ trusted: false }).send({ method: 'GET', segments: ['jobs'], idempotent: false }),
    );
    expect(error.hubCode).toBe('NetworkError');
    expect(seen).toHaveLength(0);
  });
});
