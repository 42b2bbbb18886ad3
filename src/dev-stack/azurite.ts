import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { findFreePort, waitForPort } from './ports';
import { stopChild } from './stop-child';

// Azurite's blob service as a child process. We spawn its bin with `node` ourselves (never through
// npx) so the PID we hold is the server's own and Ctrl-C or a test teardown leaves no orphan.

/**
 * Azurite's published development account
 * (https://learn.microsoft.com/azure/storage/common/storage-use-azurite).
 */
export const AZURITE_ACCOUNT = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

export interface AzuriteOptions {
  /** Folder for blob data; omit for in-memory storage (tests). */
  location?: string;
  /** 0 or omitted picks a free port. */
  port?: number;
  host?: string;
}

export interface AzuriteHandle {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
  pid: number;
  close(): Promise<void>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  // --disableTelemetry: without internet Azurite's telemetry call hangs, and its process then never exits on SIGTERM.
  const args = [
    azuriteBlobBin(),
    '--blobHost',
    host,
    '--blobPort',
    String(port),
    '--silent',
    '--disableTelemetry',
  ];
  if (options.location) {
    await mkdir(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }

  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) =>
      reject(
        new Error(
          `Azurite exited with code ${code} before listening on ${host}:${port}.\n${stderr}`,
        ),
      ),
    );
  });
  await Promise.race([waitForPort(host, port, 30_000), exited]);
  child.removeAllListeners('exit');

  const blobEndpoint = `http://${host}:${port}/${AZURITE_ACCOUNT.name}`;
  return {
    blobEndpoint,
    accountName: AZURITE_ACCOUNT.name,
    accountKey: AZURITE_ACCOUNT.key,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT.name};AccountKey=${AZURITE_ACCOUNT.key};BlobEndpoint=${blobEndpoint};`,
    pid: child.pid ?? -1,
    close: () => stopChild(child as ChildProcess),
  };
}

function azuriteBlobBin(): string {
  const require = createRequire(import.meta.url);
  // require('azurite') itself fails (its main is the VS Code extension), so resolve the package
  // folder through its package.json and point at the blob service's CLI entry.
  const pkgDir = path.dirname(require.resolve('azurite/package.json'));
  return path.join(pkgDir, 'dist', 'src', 'blob', 'main.js');
}
