import http from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP forwarder in front of one Azurite service that records every request it passes on, so a
// test can count what a route costs in storage calls. Its target is set after it listens, because
// the stack under test starts Azurite itself.

export interface CountingForwarder {
  url: string;
  requests: { method: string; path: string }[];
  setTarget(port: number): void;
  close(): Promise<void>;
}

export async function startCountingForwarder(): Promise<CountingForwarder> {
  let targetPort = 0;
  const requests: { method: string; path: string }[] = [];
  const server = http.createServer((request, response) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '' });
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
    requests,
    setTarget(next) {
      targetPort = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
