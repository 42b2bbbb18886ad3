import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { connectionString, loadOrCreatePolicies, type Policy } from './auth/policies';
import { createDispatcher } from './http/dispatch';
import { compileRoute } from './http/route';
import { createKeySource } from './model/key-source';
import { openSqliteStore } from './store/sqlite-store';
import { createJobScheduler } from './jobs/job-scheduler';
import { containerOpener } from './jobs/blob-clients';
import { allRoutes } from './handlers/all-routes';
import type { HandlerDeps } from './handlers/handler-deps';
import type { HubEmulatorHandle, HubEmulatorOptions } from './hub-emulator-options';
import { createThrottleGate } from './throttle/refuse-throttled';
import { createBearerVerifier } from './auth/verify-bearer';

/** Devices a hub holds unless told otherwise (the dev stack tells the proxy the same number). */
export const DEFAULT_DEVICE_CAP = 1_000_000;

export type { HubEmulatorHandle, HubEmulatorOptions } from './hub-emulator-options';

// 2021-04-12 is what every current SDK pins, 2020-09-30 the older Node layer, 2020-03-13 the .NET
// Azure.IoT.Hub.Service SDK (docs/reference/hub-wire-contract.md#api-version, #recorded-traffic).
const DEFAULT_API_VERSIONS = ['2021-04-12', '2020-09-30', '2020-03-13'];

export async function createHubEmulator(options: HubEmulatorOptions): Promise<HubEmulatorHandle> {
  const log = options.log ?? (() => undefined);
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const keys = options.newKey ?? createKeySource();
  await mkdir(options.dataDir, { recursive: true });
  const policies = await loadOrCreatePolicies(options.dataDir, keys);
  const store = openSqliteStore(options.dataDir);
  const registry = {
    deviceCap: options.deviceCap ?? DEFAULT_DEVICE_CAP,
    strictIds: options.strictDeviceIds ?? false,
    applyReported: options.importReportedProperties ?? true,
  };
  const jobs = createJobScheduler({
    store,
    registry: (now) => ({ store, now, keys, ...registry, origin: 'import' }),
    batchSize: options.batchSize ?? 10_000,
    pace: options.paceDevicesPerSecond,
    progressMode: options.progressMode ?? 'per-batch',
    clock,
    pacingTimer: options.pacingTimer ?? (() => performance.now()),
    newId,
    openContainer: containerOpener(options.storageIdentities, options.storageCaPem),
    log,
  });
  const deps: HandlerDeps = { store, keys, jobs, ...registry };
  const host = options.host ?? '127.0.0.1';
  let port = 0;
  const dispatch = createDispatcher({
    routes: allRoutes(deps).map(compileRoute),
    policies,
    // Tokens are signed for the host name with or without the port (the SDK strips it, see tests).
    resources: () => ['localhost', `localhost:${port}`, host, `${host}:${port}`],
    apiVersions: options.apiVersions ?? DEFAULT_API_VERSIONS,
    clock,
    newId,
    throttle: options.throttling ? createThrottleGate(options.throttling) : undefined,
    bearer: options.entra ? createBearerVerifier(options.entra, log) : undefined,
    disableLocalAuth: options.disableLocalAuth ?? false,
    log,
  });
  const server: Server = createServer(
    { cert: options.tls.certPem, key: options.tls.keyPem },
    dispatch,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostName = `localhost:${port}`;
  const policyString = (name: string): string =>
    connectionString(hostName, policies.get(name) as Policy);
  log(`hub emulator listening on https://${hostName} (data in ${options.dataDir})`);
  let closed: Promise<void> | undefined;
  return {
    url: `https://${hostName}`,
    hostName,
    connectionString: policyString('iothubowner'),
    connectionStringFor: policyString,
    caCertPath: options.tls.caCertPath,
    close: () =>
      (closed ??= (async () => {
        await jobs.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        store.close();
      })()),
  };
}
