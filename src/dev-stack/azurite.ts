import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { findFreePort, waitForPort } from './ports';
import { stopChild } from './stop-child';

// Azurite's blob, queue and table services in one child process (its all-in-one `azurite` bin):
// blob holds the operation containers, table the operations index (docs/proxy.md, "Operations
// index"), queue the operations waiting for a hub's job slot. We spawn it with `node` ourselves
// (never through npx) so the PID we hold is the server's own and Ctrl-C or a test teardown leaves
// no orphan.

/**
 * Azurite's published development account
 * (https://learn.microsoft.com/azure/storage/common/storage-use-azurite).
 */
export const AZURITE_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

export interface AzuriteOptions {
  /** Folder for the data of all three services; omit for in-memory storage (tests). */
  location?: string;
  /**
   * The blob port; 0 or omitted picks free ports for all three. A fixed blob port N puts queue and
   * table on N+1 and N+2, Azurite's own default layout (10000, 10001, 10002).
   */
  port?: number;
  host?: string;
  /** How often the child checks that its parent still lives; 1 s by default. */
  watchdogIntervalMs?: number;
  /**
   * Serve HTTPS with this certificate (PEM files) and accept Entra bearer tokens (`--oauth basic`:
   * issuer, audience and lifetime are checked, the signature is not; Azurite takes bearer tokens
   * only over HTTPS). Shared key and SAS keep working beside them. `caCertPath` is the CA Azurite
   * itself must trust: it checks a SAS'd copy source by requesting it over HTTPS.
   */
  oauth?: { certPath: string; keyPath: string; caCertPath: string };
}

export interface AzuriteHandle {
  blobEndpoint: string;
  queueEndpoint: string;
  tableEndpoint: string;
  accountName: string;
  accountKey: string;
  /** Names all three endpoints, as the storage SDKs' `fromConnectionString` expect. */
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  pid: number;
  close(): Promise<void>;
}

// Runs inside the child before Azurite's own entry: if the process that started us dies without
// closing us (kill -9 of `npm start`, a crashed test runner) we exit rather than keep the ports,
// which would make the next start fail. The parent's pid is passed in, not read from
// process.ppid, because an orphan is re-parented and its ppid then names init.
const WATCHDOG = `
const [parentPid, intervalMs, entry, ...rest] = process.argv.slice(1);
const timer = setInterval(() => {
  try { process.kill(Number(parentPid), 0); } catch { process.exit(0); }
}, Number(intervalMs));
timer.unref();
process.argv = [process.argv[0], entry, ...rest];
require(entry);
`;

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const host = options.host ?? '127.0.0.1';
  const ports = await choosePorts(host, options.port);
  // --disableTelemetry: without internet Azurite's telemetry call hangs, and its process then never
  // exits on SIGTERM.
  const args = [
    ...['--blobHost', host, '--blobPort', String(ports.blob)],
    ...['--queueHost', host, '--queuePort', String(ports.queue)],
    ...['--tableHost', host, '--tablePort', String(ports.table)],
    '--silent',
    '--disableTelemetry',
    ...(options.oauth
      ? ['--cert', options.oauth.certPath, '--key', options.oauth.keyPath, '--oauth', 'basic']
      : []),
  ];
  if (options.location) {
    await mkdir(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }

  const watchdogArgs = [String(process.pid), String(options.watchdogIntervalMs ?? 1000)];
  const child = spawn(process.execPath, ['-e', WATCHDOG, ...watchdogArgs, azuriteBin(), ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.oauth
      ? { env: { ...process.env, NODE_EXTRA_CA_CERTS: options.oauth.caCertPath } }
      : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) =>
      reject(
        new Error(
          `Azurite exited with code ${code} before listening on ${host} ports ${ports.blob}, ${ports.queue}, ${ports.table}.\n${stderr}`,
        ),
      ),
    );
  });
  try {
    await Promise.race([
      Promise.all([ports.blob, ports.queue, ports.table].map((p) => waitForPort(host, p, 30_000))),
      exited,
    ]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  child.removeAllListeners('exit');

  const scheme = options.oauth ? 'https' : 'http';
  const endpoint = (port: number): string => `${scheme}://${host}:${port}/${AZURITE_ACCOUNT.name}`;
  const blobEndpoint = endpoint(ports.blob);
  const queueEndpoint = endpoint(ports.queue);
  const tableEndpoint = endpoint(ports.table);
  return {
    blobEndpoint,
    queueEndpoint,
    tableEndpoint,
    accountName: AZURITE_ACCOUNT.name,
    accountKey: AZURITE_ACCOUNT.key,
    connectionString:
      `DefaultEndpointsProtocol=${scheme};AccountName=${AZURITE_ACCOUNT.name};` +
      `AccountKey=${AZURITE_ACCOUNT.key};BlobEndpoint=${blobEndpoint};` +
      `QueueEndpoint=${queueEndpoint};TableEndpoint=${tableEndpoint};`,
    ports,
    pid: child.pid ?? -1,
    close: () => stopChild(child as ChildProcess),
  };
}

async function choosePorts(
  host: string,
  blobPort: number | undefined,
): Promise<AzuriteHandle['ports']> {
  if (blobPort && blobPort > 0) return { blob: blobPort, queue: blobPort + 1, table: blobPort + 2 };
  const free = new Set<number>();
  // findFreePort releases its port before answering, so the same one can come back twice.
  while (free.size < 3) free.add(await findFreePort(host));
  const [blob, queue, table] = [...free] as [number, number, number];
  return { blob, queue, table };
}

function azuriteBin(): string {
  const require = createRequire(import.meta.url);
  // require('azurite') itself fails (its main is the VS Code extension), so resolve the package
  // folder through its package.json and point at the all-in-one CLI entry.
  const pkgDir = path.dirname(require.resolve('azurite/package.json'));
  return path.join(pkgDir, 'dist', 'src', 'azurite.js');
}
