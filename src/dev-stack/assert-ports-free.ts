import net from 'node:net';

// Checks every fixed port before anything starts, so a busy port gives one readable error naming
// its variable instead of a half-started stack and an EADDRINUSE stack trace.

export interface NamedPort {
  name: string;
  port: number;
}

export class PortsBusyError extends Error {
  readonly code = 'PORTS_BUSY';
  constructor(readonly busy: NamedPort[]) {
    super(
      `Port(s) already in use: ${busy.map((entry) => `${entry.port} (${entry.name})`).join(', ')}. Stop what uses them or pick other ports (docs/dev-stack.md).`,
    );
    this.name = 'PortsBusyError';
  }
}

export async function assertPortsFree(
  ports: readonly NamedPort[],
  host = '127.0.0.1',
): Promise<void> {
  const fixed = ports.filter((entry) => entry.port > 0);
  const results = await Promise.all(
    fixed.map(async (entry) => ((await canListen(host, entry.port)) ? undefined : entry)),
  );
  const busy = results.filter((entry): entry is NamedPort => entry !== undefined);
  if (busy.length > 0) throw new PortsBusyError(busy);
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
