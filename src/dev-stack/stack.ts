import path from 'node:path';
import {
  createHubEmulator,
  DEFAULT_DEVICE_CAP,
  type HubEmulatorOptions,
} from '../hub-emulator/server';
import { ensureLocalTls } from '../local-ca/local-ca';
import { createProxy } from '../proxy/server';
import { allowBlobCors } from './allow-blob-cors';
import { assertPortsFree } from './assert-ports-free';
import { startAzurite, type AzuriteHandle } from './azurite';
import {
  API_AUDIENCE,
  API_SCOPE,
  DATA_DIRS,
  HUB_ROLES,
  LOCAL_HUBS,
  PROXY_HUB_POLICY,
  PUBLIC_HOST,
  ROLES,
  SPA_CLIENT_ID,
  TEST_USERS,
  type LocalHubId,
  type TestUser,
} from './identity-defaults';
import { createOidcAuthority, type OidcAuthority } from './oidc/create-oidc-authority';
import { formatProxyEntry } from './format-proxy-log';
import { formatSetupCheck } from './format-setup-check';
import { findFreePort } from './ports';
import { workloadIdentities, type WorkloadIdentities } from './workload-identities';

// The whole local stack as one value: Azurite, the OIDC authority, two hub emulators (hub-a and
// hub-b, same CA, own SQLite folders) and the proxy serving the built SPA for both. Start order
// follows the dependencies (the proxy needs the authority's issuer and the hubs' connection
// strings); close() runs in reverse.

export interface DevStackPorts {
  app: number;
  oidc: number;
  hub: number;
  /** The second hub's (hub-b) port; 0 (a free port) when omitted. */
  hubB?: number;
  azurite: number;
}

export interface DevStackOptions {
  dataDir: string;
  /** 0 picks a free port. */
  ports: DevStackPorts;
  /** The built SPA; `dist` by default. */
  staticDir?: string;
  azuriteInMemory?: boolean;
  /** More origins the SPA is served from (Vite's dev server), for redirect URIs and blob CORS. */
  extraAppOrigins?: readonly string[];
  /**
   * Emulator settings beyond the defaults, e.g. a pace so e2e jobs run for a predictable time, or
   * the hub's throttling by tier (on for `npm start`, off for the e2e journeys, which need
   * deterministic timing).
   */
  hub?: Pick<
    HubEmulatorOptions,
    'paceDevicesPerSecond' | 'deviceCap' | 'progressMode' | 'throttling'
  >;
  /** The plan's lookup limit and snapshot age, as /config.json serves them (defaults otherwise). */
  plan?: { lookupLimit?: number; snapshotMaxAgeMinutes?: number };
  log?: (line: string) => void;
  /**
   * Identity mode (`npm start -- --identity`, docs/dev-stack.md): no key reaches the proxy. Azurite
   * serves HTTPS and accepts Entra tokens, the hub refuses SAS and takes the proxy's Entra token,
   * the proxy mints user-delegation SAS, and the hub reaches job storage by SAS (`keyBased`) or
   * with its own identity (`identityBased`, the default).
   */
  identity?: { jobStorage?: 'keyBased' | 'identityBased' };
  /** Run the proxy's setup check once at start and log what it finds (`npm start`). */
  setupCheckAtStart?: boolean;
}

type HubEmulator = Awaited<ReturnType<typeof createHubEmulator>>;

export interface DevStack {
  /** `http://localhost:<app port>`: MSAL needs a secure context, which http://localhost is. */
  appUrl: string;
  appOrigins: readonly string[];
  caCertPath: string;
  oidc: OidcAuthority;
  /** hub-a, the first hub (the proxy's unprefixed routes serve it). */
  hub: HubEmulator;
  /** hub-b, the second hub. */
  hubB: HubEmulator;
  /** Both hubs in the proxy's order, with their ids and display names. */
  hubs: readonly { id: LocalHubId; displayName: string; emulator: HubEmulator }[];
  /** The connection string the proxy was given for hub-a: the least-privileged policy it needs. */
  proxyHubConnectionString: string;
  azurite: AzuriteHandle;
  users: readonly TestUser[];
  /**
   * Closes the proxy and starts it again on the same port and storage, as a redeploy would: what
   * the queue and the operations index hold must survive it (the e2e queue journey).
   */
  restartProxy(): Promise<void>;
  /** Whether the stack runs in identity mode (and how the hub reaches job storage then). */
  identityMode?: 'keyBased' | 'identityBased';
  /** The proxy's and the hub's identities in identity mode. */
  workloadIdentities?: WorkloadIdentities;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const log = options.log ?? (() => {});
  const { ports } = options;
  await assertPortsFree([
    { name: 'APP_PORT', port: ports.app },
    { name: 'OIDC_PORT', port: ports.oidc },
    { name: 'HUB_PORT', port: ports.hub },
    { name: 'HUB_B_PORT', port: ports.hubB ?? 0 },
    { name: 'AZURITE_PORT', port: ports.azurite },
    // Azurite's queue and table services follow its blob port (src/dev-stack/azurite.ts).
    ...(ports.azurite > 0
      ? [
          { name: 'AZURITE_PORT + 1 (queue)', port: ports.azurite + 1 },
          { name: 'AZURITE_PORT + 2 (table)', port: ports.azurite + 2 },
        ]
      : []),
  ]);

  const tls = await ensureLocalTls(path.join(options.dataDir, DATA_DIRS.tls));
  // The redirect URIs name the app's port, so it is fixed before the authority starts.
  const appPort = ports.app > 0 ? ports.app : await findFreePort(LOOPBACK);
  const appUrl = `http://${PUBLIC_HOST}:${appPort}`;
  const appOrigins = [...new Set([appUrl, ...(options.extraAppOrigins ?? [])])];

  const closers: { name: string; close: () => Promise<void> }[] = [];
  const closeAll = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const { name, close } of closers.splice(0).reverse()) {
      try {
        await close();
        log(`Stopped ${name}`);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0)
      throw new AggregateError(failures, 'Some parts of the dev stack did not stop cleanly');
  };

  const identity = options.identity
    ? { jobStorage: options.identity.jobStorage ?? 'identityBased' }
    : undefined;
  try {
    const azurite = await startAzurite({
      host: LOOPBACK,
      port: ports.azurite,
      ...(options.azuriteInMemory
        ? {}
        : { location: path.join(options.dataDir, DATA_DIRS.azurite) }),
      ...(identity
        ? {
            oauth: { certPath: tls.certPath, keyPath: tls.keyPath, caCertPath: tls.caCertPath },
          }
        : {}),
    });
    closers.push({ name: 'Azurite', close: () => azurite.close() });
    await allowBlobCors(azurite, appOrigins, identity ? tls.caCertPem : undefined);
    log(
      `Azurite blob: ${azurite.blobEndpoint}, queue: ${azurite.queueEndpoint}, table: ${azurite.tableEndpoint}`,
    );

    const oidc = await createOidcAuthority({
      tls,
      keyDir: path.join(options.dataDir, DATA_DIRS.oidc),
      appOrigins,
      host: LOOPBACK,
      port: ports.oidc,
      log,
    });
    closers.push({ name: 'OIDC authority', close: () => oidc.close() });
    const identities = identity ? workloadIdentities(oidc.tokenEndpoint, tls.caCertPem) : undefined;
    if (identities) closers.push({ name: 'workload identities', close: () => identities.close() });

    const startHub = (dataDir: string, port: number) =>
      createHubEmulator({
        dataDir: path.join(options.dataDir, dataDir),
        tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
        host: LOOPBACK,
        port,
        ...options.hub,
        ...(identities
          ? {
              entra: { issuer: oidc.issuer, jwksUri: oidc.jwksUri, trustedCaPem: tls.caCertPem },
              // A hub governed by Entra RBAC alone: every SAS token is refused.
              disableLocalAuth: true,
              storageIdentities: { systemAssigned: identities.hub },
              storageCaPem: tls.caCertPem,
            }
          : {}),
        log,
      });
    const hub = await startHub(DATA_DIRS.hub, ports.hub);
    closers.push({ name: 'hub emulator (hub-a)', close: () => hub.close() });
    const hubB = await startHub(DATA_DIRS.hubB, ports.hubB ?? 0);
    closers.push({ name: 'hub emulator (hub-b)', close: () => hubB.close() });
    const [firstHub, secondHub] = LOCAL_HUBS;
    const hubs = [
      { ...firstHub, emulator: hub },
      { ...secondHub, emulator: hubB },
    ] as const;

    const proxyHubConnectionString = hub.connectionStringFor(PROXY_HUB_POLICY);
    const startProxy = () =>
      createProxy({
        host: LOOPBACK,
        port: appPort,
        staticDir: options.staticDir ?? 'dist',
        auth: {
          issuer: oidc.issuer,
          audience: API_AUDIENCE,
          jwksUri: oidc.jwksUri,
          roles: { admin: ROLES.admin, support: ROLES.support },
        },
        // The proxy fetches the authority's JWKS and calls the hub over HTTPS signed by the local CA.
        trustedCaPem: tls.caCertPem,
        hubs: hubs.map(({ id, displayName, emulator }) => ({
          id,
          displayName,
          ...(identities
            ? {
                hostName: emulator.hostName,
                credential: identities.proxy,
                jobStorage: { type: identity?.jobStorage ?? 'identityBased' },
              }
            : { connectionString: emulator.connectionStringFor(PROXY_HUB_POLICY) }),
          // A deployment sets deviceCap from its hub's tier; here the emulator's cap is known.
          deviceCap: options.hub?.deviceCap ?? DEFAULT_DEVICE_CAP,
          // The global roles (ROLES) grant both hubs; these grant one (README, "Test users").
          adminRoles: [HUB_ROLES[id].admin],
          supportRoles: [HUB_ROLES[id].support],
        })),
        storage: {
          accountName: azurite.accountName,
          ...(identities ? { credential: identities.proxy } : { accountKey: azurite.accountKey }),
          blobEndpoint: azurite.blobEndpoint,
          tableEndpoint: azurite.tableEndpoint,
          queueEndpoint: azurite.queueEndpoint,
        },
        spa: {
          auth: {
            clientId: SPA_CLIENT_ID,
            authority: oidc.authority,
            knownAuthorities: [oidc.knownAuthority],
            apiScope: API_SCOPE,
          },
          storageEndpoint: azurite.blobEndpoint,
          hubHostName: hub.hostName,
          ...(options.plan ? { plan: options.plan } : {}),
        },
        // The local stack shows what support staff can do, key-less exports included; a deployment
        // turns them on with SUPPORT_EXPORTS=on (off by default, docs/proxy.md "Support exports").
        supportExports: { enabled: true },
        // One hub poller per stack, as in production (docs/proxy.md, "Queue and monitor").
        jobMonitor: { enabled: true },
        setupCheck: { appOrigins },
        log: (entry) => {
          const line = formatProxyEntry(entry);
          if (line) log(line);
        },
      });
    let proxy = await startProxy();
    closers.push({ name: 'proxy', close: () => proxy.close() });
    // Awaited, so its lines come before the banner, whose last line scripts wait for.
    if (options.setupCheckAtStart)
      for (const { id } of hubs)
        for (const line of formatSetupCheck(await proxy.checkSetup(id), id)) log(line);

    return {
      appUrl,
      appOrigins,
      caCertPath: tls.caCertPath,
      oidc,
      hub,
      hubB,
      hubs,
      proxyHubConnectionString,
      azurite,
      users: TEST_USERS,
      async restartProxy() {
        await proxy.close();
        proxy = await startProxy();
      },
      ...(identity && identities
        ? { identityMode: identity.jobStorage, workloadIdentities: identities }
        : {}),
      close: closeAll,
    };
  } catch (error) {
    await closeAll().catch((closeError: unknown) =>
      log(`Cleanup after a failed start also failed: ${String(closeError)}`),
    );
    throw error;
  }
}
