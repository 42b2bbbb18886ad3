import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startDevStack } from '../../../src/dev-stack/stack';

// Starts the whole local stack (Azurite, OIDC authority, hub-a and hub-b, proxy serving the SPA)
// on free ports with a throwaway data folder, exactly as `npm start` does, and hands the addresses
// to the tests through environment variables (Playwright passes globalSetup's env to its workers).
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'iot-bulk-e2e-'));
  const stack = await startDevStack({
    dataDir,
    ports: { app: 0, oidc: 0, hub: 0, azurite: 0 },
    staticDir: 'dist',
    azuriteInMemory: true,
    // Paced so a blocker job of N devices holds a hub's job slot for N / 4,000 seconds.
    hub: { paceDevicesPerSecond: 4_000 },
    log: (line) => {
      if (process.env.E2E_VERBOSE) console.log(line);
    },
  });
  process.env.E2E_APP_URL = stack.appUrl;
  process.env.E2E_HUB_CONNECTION_STRING = stack.hub.connectionString;
  // The second local hub (hub-b): journeys across hubs reach its registry directly with this.
  process.env.E2E_HUB_B_CONNECTION_STRING = stack.hubB.connectionString;
  process.env.E2E_CA_CERT_PEM = await readFile(stack.hub.caCertPath, 'utf8');
  process.env.E2E_STORAGE_ACCOUNT = stack.azurite.accountName;
  process.env.E2E_STORAGE_KEY = stack.azurite.accountKey;
  process.env.E2E_STORAGE_ENDPOINT = stack.azurite.blobEndpoint;
  // The tests run in worker processes; this loopback endpoint lets a journey restart the proxy
  // that lives here (tests/e2e/support/restart-proxy.ts).
  const control = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/restart-proxy') {
      response.writeHead(404).end();
      return;
    }
    stack.restartProxy().then(
      () => response.writeHead(204).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  process.env.E2E_CONTROL_URL = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
