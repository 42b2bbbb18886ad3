import { readFile } from 'node:fs/promises';
import { readProxyEnv, resolveAuthEndpoints } from './config/proxy-env';
import { parseHubConnectionString } from './hub/connection-string';
import { createProxy } from './server';
import type { TokenCredentialLike } from './storage/sas-signer';

// `npx tsx src/proxy/main.ts`: the proxy against real Azure (or the local stack), configured only
// by environment variables (docs/proxy.md).

async function loadIdentityCredential(): Promise<TokenCredentialLike> {
  // @azure/identity is an optional production dependency: install it where STORAGE_AUTH=identity is
  // used.
  const moduleName = '@azure/identity';
  try {
    const identity = (await import(moduleName)) as {
      DefaultAzureCredential: new () => TokenCredentialLike;
    };
    return new identity.DefaultAzureCredential();
  } catch {
    throw new Error(
      'STORAGE_AUTH=identity needs the @azure/identity package (npm install @azure/identity).',
    );
  }
}

async function main(): Promise<void> {
  const result = readProxyEnv(process.env);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  const env = result.env;
  const endpoints = resolveAuthEndpoints(env);
  const blobEndpoint =
    env.STORAGE_BLOB_ENDPOINT ?? `https://${env.STORAGE_ACCOUNT_NAME}.blob.core.windows.net`;
  const useKey = (env.STORAGE_AUTH ?? (env.STORAGE_ACCOUNT_KEY ? 'key' : 'identity')) === 'key';
  const proxy = await createProxy({
    host: env.PROXY_HOST,
    port: env.PROXY_PORT,
    staticDir: env.PROXY_STATIC_DIR,
    trustedCaPem: env.PROXY_TRUSTED_CA_FILE
      ? await readFile(env.PROXY_TRUSTED_CA_FILE, 'utf8')
      : undefined,
    auth: {
      issuer: endpoints.issuer,
      audience: env.AUTH_AUDIENCE,
      jwksUri: endpoints.jwksUri,
      roles: { admin: env.AUTH_ROLE_ADMIN, support: env.AUTH_ROLE_SUPPORT },
      clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
      ...(env.AUTH_ALGORITHMS.length ? { algorithms: env.AUTH_ALGORITHMS } : {}),
      clientIds: env.AUTH_CLIENT_IDS.length ? env.AUTH_CLIENT_IDS : [env.SPA_CLIENT_ID],
    },
    hub: { connectionString: env.IOT_HUB_CONNECTION_STRING, apiVersion: env.IOT_HUB_API_VERSION },
    ...(env.HUB_DEVICE_CAP ? { hubDeviceCap: env.HUB_DEVICE_CAP } : {}),
    storage: useKey
      ? { accountName: env.STORAGE_ACCOUNT_NAME, accountKey: env.STORAGE_ACCOUNT_KEY, blobEndpoint }
      : {
          accountName: env.STORAGE_ACCOUNT_NAME,
          blobEndpoint,
          credential: await loadIdentityCredential(),
        },
    spa: {
      auth: {
        clientId: env.SPA_CLIENT_ID,
        authority: endpoints.authority,
        knownAuthorities: env.SPA_KNOWN_AUTHORITIES,
        apiScope: env.SPA_API_SCOPE,
      },
      storageEndpoint: blobEndpoint,
      hubHostName: parseHubConnectionString(env.IOT_HUB_CONNECTION_STRING).hostName,
    },
    rateLimit: { max: env.PROXY_RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
    backup: { retentionDays: env.BACKUP_RETENTION_DAYS },
    readRateLimit: { max: env.PROXY_READ_RATE_LIMIT_PER_MINUTE, timeWindowMs: 60_000 },
    storageDeadlines: { tryTimeoutMs: env.STORAGE_TIMEOUT_SECONDS * 1000 },
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
