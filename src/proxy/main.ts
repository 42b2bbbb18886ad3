import { readFile } from 'node:fs/promises';
import { DefaultAzureCredential } from '@azure/identity';
import { readProxyEnv, resolveAuthEndpoints, resolveHubs } from './config/proxy-env';
import { createProxy } from './server';

// `npx tsx src/proxy/main.ts`: the proxy against real Azure (or the local stack), configured only
// by environment variables (docs/proxy.md). One DefaultAzureCredential serves storage and the hub:
// a managed identity in Azure (AZURE_CLIENT_ID names a user-assigned one), `az login` on a laptop.

/** The extra CA's PEM, or the problem with its file, checked together with the variables. */
async function readTrustedCa(
  file: string | undefined,
): Promise<{ pem?: string; problem?: string }> {
  if (!file?.trim()) return {};
  try {
    const pem = await readFile(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      return { problem: `PROXY_TRUSTED_CA_FILE: ${file} holds no PEM certificate` };
    return { pem };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: `PROXY_TRUSTED_CA_FILE: cannot read ${file} (${code})` };
  }
}

async function main(): Promise<void> {
  const trustedCa = await readTrustedCa(process.env.PROXY_TRUSTED_CA_FILE);
  const result = readProxyEnv(process.env, trustedCa.problem ? [trustedCa.problem] : []);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  const env = result.env;
  const endpoints = resolveAuthEndpoints(env);
  const blobEndpoint =
    env.STORAGE_BLOB_ENDPOINT ?? `https://${env.STORAGE_ACCOUNT_NAME}.blob.core.windows.net`;
  const useKey = (env.STORAGE_AUTH ?? (env.STORAGE_ACCOUNT_KEY ? 'key' : 'identity')) === 'key';
  const hubs = resolveHubs(env);
  let credential: DefaultAzureCredential | undefined;
  const identity = (): DefaultAzureCredential => (credential ??= new DefaultAzureCredential());
  const proxy = await createProxy({
    host: env.PROXY_HOST,
    port: env.PROXY_PORT,
    staticDir: env.PROXY_STATIC_DIR,
    trustedCaPem: trustedCa.pem,
    auth: {
      issuer: endpoints.issuer,
      audience: env.AUTH_AUDIENCE,
      jwksUri: endpoints.jwksUri,
      roles: { admin: env.AUTH_ROLE_ADMIN, support: env.AUTH_ROLE_SUPPORT },
      clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      ...(env.AUTH_ALGORITHMS.length ? { algorithms: env.AUTH_ALGORITHMS } : {}),
      clientIds: env.AUTH_CLIENT_IDS.length ? env.AUTH_CLIENT_IDS : [env.SPA_CLIENT_ID],
    },
    hubs: hubs.map((hub) => ({
      id: hub.id,
      displayName: hub.displayName,
      ...(hub.access.kind === 'identity'
        ? { hostName: hub.access.hostName, credential: identity() }
        : { connectionString: hub.access.connectionString }),
      ...(hub.apiVersion ? { apiVersion: hub.apiVersion } : {}),
      jobStorage: hub.jobStorage,
      ...(hub.deviceCap ? { deviceCap: hub.deviceCap } : {}),
      adminRoles: hub.adminRoles,
      supportRoles: hub.supportRoles,
    })),
    storage: {
      accountName: env.STORAGE_ACCOUNT_NAME,
      blobEndpoint,
      ...(env.STORAGE_QUEUE_ENDPOINT ? { queueEndpoint: env.STORAGE_QUEUE_ENDPOINT } : {}),
      ...(useKey ? { accountKey: env.STORAGE_ACCOUNT_KEY } : { credential: identity() }),
    },
    spa: {
      auth: {
        clientId: env.SPA_CLIENT_ID,
        authority: endpoints.authority,
        knownAuthorities: env.SPA_KNOWN_AUTHORITIES,
        apiScope: env.SPA_API_SCOPE,
      },
      storageEndpoint: blobEndpoint,
      hubHostName: hubs[0]?.access.hostName ?? '',
      plan: {
        snapshotMaxAgeMinutes: env.PLAN_SNAPSHOT_MAX_AGE_MINUTES,
        lookupLimit: env.PLAN_LOOKUP_LIMIT,
      },
    },
    rateLimit: { max: env.PROXY_RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
    backup: { retentionDays: env.BACKUP_RETENTION_DAYS },
    readRateLimit: { max: env.PROXY_READ_RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
    // Every part tried once at start and logged; never fatal (a role may still be propagating).
    setupCheck: { atStart: true },
    storageDeadlines: { tryTimeoutMs: env.STORAGE_TIMEOUT_SECONDS * 1000 },
    jobMonitor: { enabled: env.JOB_MONITOR === 'on' },
    supportExports: {
      enabled: env.SUPPORT_EXPORTS === 'on',
      intervalSeconds: env.SUPPORT_EXPORT_INTERVAL_MINUTES * 60,
      adminGraceSeconds: env.SUPPORT_EXPORT_ADMIN_GRACE_MINUTES * 60,
    },
  });
  const stop = (): void => {
    void proxy.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
