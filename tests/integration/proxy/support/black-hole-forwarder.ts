import net from 'node:net';
import type { AddressInfo } from 'node:net';

// A TCP forwarder in front of one service that can be switched to a black hole: it then accepts
// connections and never answers a byte, the way a dead route or a dropping firewall looks to a
// client (no refusal, no reset, nothing). Connections already open are cut when it switches, so
// the client's pooled sockets cannot slip past. Its target is set after it listens, because the
// stack under test starts the service itself.

export interface BlackHoleForwarder {
  url: string;
  setTarget(port: number): void;
  blackHole(on: boolean): void;
  close(): Promise<void>;
}

export async function startBlackHoleForwarder(): Promise<BlackHoleForwarder> {
  let targetPort = 0;
  let swallowing = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (swallowing) return;
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(upstream);
    upstream.once('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget(next) {
      targetPort = next;
    },
    blackHole(on) {
      swallowing = on;
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
