import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalTls } from '../../../src/local-ca/local-ca';
import { createOutboundAgent } from '../../../src/proxy/http/outbound-agent';
import { HubRequestError } from '../../../src/proxy/hub/hub-errors';
import { createHubTransport } from '../../../src/proxy/hub/hub-transport';
import { startThrottledHubStack, type ThrottledHubStack } from './support/throttled-hub-stack';

// The proxy's backoff against a throttled hub emulator (S1 x 1: 100 jobs operations a minute). The
// emulator's budget is spent with direct calls first, so the proxy's next call meets a 429.
const throttledJobCalls = (stack: ThrottledHubStack): number =>
  stack.hubLog.filter((line) => line.startsWith('throttled GET /jobs')).length;

async function spendJobsBudget(stack: ThrottledHubStack): Promise<void> {
  for (;;) if ((await stack.hubCall('GET', '/jobs')) === 429) return;
}

describe('proxy backoff against a throttled emulator that sends Retry-After', () => {
  // The emulator's clock stands still while the budget is spent and the proxy's first attempt is
  // refused, then runs again from the moment of that 429: the outcome does not depend on how
  // loaded the machine is.
  let frozenAt: number | undefined;
  let shift = 0;
  const clock = (): Date => new Date(frozenAt ?? Date.now() - shift);
  const freeze = (): void => void (frozenAt = Date.now() - shift);
  let release: (() => void) | undefined;
  let stack: ThrottledHubStack;
  beforeAll(async () => {
    stack = await startThrottledHubStack(
      { clock, throttling: { tier: 'S1', units: 1, retryAfter: true } },
      (line) => {
        if (line.startsWith('throttled GET /jobs')) release?.();
      },
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('waits the advertised second and then gets through, with one 429 per call', async () => {
    for (let i = 0; i < 2; i++) {
      freeze();
      await spendJobsBudget(stack);
      release = () => {
        release = undefined;
        if (frozenAt === undefined) return;
        shift = Date.now() - frozenAt;
        frozenAt = undefined;
      };
      const before = throttledJobCalls(stack);
      const started = Date.now();
      const response = await stack.call('/api/jobs');
      expect(response.status).toBe(200);
      // One 429, answered by waiting Retry-After (1 s), not by the 200 ms jittered backoff.
      expect(throttledJobCalls(stack) - before).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    }
  });
});

describe('proxy backoff against a throttled emulator that behaves as the live hub', () => {
  let stack: ThrottledHubStack;
  // A frozen clock: no token comes back, so every retry meets a 429 again.
  const frozen = new Date();
  beforeAll(async () => {
    stack = await startThrottledHubStack({
      clock: () => frozen,
      throttling: { tier: 'S1', units: 1 },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('retries three times with its own backoff, then answers 503 HUB_THROTTLED', async () => {
    await spendJobsBudget(stack);
    const before = throttledJobCalls(stack);
    const response = await stack.call('/api/jobs');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'HUB_THROTTLED',
    );
    expect(throttledJobCalls(stack) - before).toBe(4);
  });
});

describe('hub transport and Retry-After', () => {
  let server: Server;
  let dir: string;
  let caPem: string;
  let port: number;
  let retryAfter = '';
  let calls = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'retry-after-'));
    const tls = await ensureLocalTls(dir);
    caPem = tls.caCertPem;
    server = createServer(
      { cert: tls.certPem, key: tls.keyPem },
      (_req: IncomingMessage, res: ServerResponse) => {
        calls++;
        if (calls === 1)
          res
            .writeHead(429, {
              'retry-after': retryAfter,
              'iothub-errorcode': 'ThrottlingBacklogTimeout',
            })
            .end('{"Message":"ErrorCode:ThrottlingBacklogTimeout;slow down"}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  const NOW = new Date('2030-01-01T00:00:00Z');
  async function send(header: string): Promise<{ slept: number[]; error?: HubRequestError }> {
    retryAfter = header;
    calls = 0;
    const slept: number[] = [];
    const transport = createHubTransport({
      connectionString: `HostName=localhost:${port};SharedAccessKeyName=iothubowner;SharedAccessKey=${Buffer.alloc(32, 1).toString('base64')}`,
      dispatcher: createOutboundAgent({ trustedCaPem: caPem }),
      now: () => NOW,
      sleep: async (ms) => void slept.push(ms),
      random: () => 0.5,
    });
    try {
      await transport.send({ method: 'GET', segments: ['jobs'], idempotent: true });
      return { slept };
    } catch (error) {
      if (error instanceof HubRequestError) return { slept, error };
      throw error;
    }
  }

  it('sleeps the delay-seconds a 429 asks for', async () => {
    expect(await send('2')).toEqual({ slept: [2000] });
  });

  it('reads Retry-After as an HTTP date', async () => {
    expect(await send(new Date(NOW.getTime() + 3000).toUTCString())).toEqual({ slept: [3000] });
  });

  it('falls back to its jittered backoff when the value is not understood', async () => {
    expect(await send('soon')).toEqual({ slept: [100] });
  });

  it('fails at once when the hub asks for longer than it will hold a request', async () => {
    const result = await send('120');
    expect(result.slept).toEqual([]);
    expect(result.error?.status).toBe(429);
    expect(calls).toBe(1);
  });
});
