import http from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP forwarder in front of one Azurite service that fails or holds the calls a test picks, so
// a fault lands on exactly one storage call of a route ("fail exactly the write after job
// creation"). Its target is set after it listens, because the stack under test starts Azurite.

export interface ForwardedCall {
  method: string;
  path: string;
}

/**
 * `pass` forwards; `fail` answers 403 as storage does for a refused write (not retried by the SDK,
 * so the route fails at once); `hold` keeps the call open and never forwards it.
 */
export type FaultDecision = 'pass' | 'fail' | 'hold';

export interface FaultForwarder {
  url: string;
  calls: ForwardedCall[];
  setTarget(port: number): void;
  decide(rule: (call: ForwardedCall) => FaultDecision): void;
  /** Resolves when a call has been held. */
  held(): Promise<ForwardedCall>;
  close(): Promise<void>;
}

const REFUSAL =
  '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationFailure</Code>' +
  '<Message>Injected by the test forwarder.</Message></Error>';

export async function startFaultForwarder(): Promise<FaultForwarder> {
  let targetPort = 0;
  let rule: (call: ForwardedCall) => FaultDecision = () => 'pass';
  const calls: ForwardedCall[] = [];
  const heldWaiters: ((call: ForwardedCall) => void)[] = [];
  const server = http.createServer((request, response) => {
    const call = { method: request.method ?? '', path: request.url ?? '' };
    calls.push(call);
    const decision = rule(call);
    if (decision === 'hold') {
      for (const waiter of heldWaiters.splice(0)) waiter(call);
      return;
    }
    if (decision === 'fail') {
      request.resume();
      response
        .writeHead(403, {
          'content-type': 'application/xml',
          'x-ms-error-code': 'AuthorizationFailure',
        })
        .end(REFUSAL);
      return;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: `127.0.0.1:${targetPort}` },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.once('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    setTarget(next) {
      targetPort = next;
    },
    decide(next) {
      rule = next;
    },
    held: () => new Promise((resolve) => heldWaiters.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** True for Set Container Metadata on one container: how the proxy records an operation. */
export function isMetadataWrite(call: ForwardedCall, containerName: string): boolean {
  const url = new URL(call.path, 'http://forwarder');
  return (
    call.method === 'PUT' &&
    url.pathname.endsWith(`/${containerName}`) &&
    url.searchParams.get('restype') === 'container' &&
    url.searchParams.get('comp') === 'metadata'
  );
}
