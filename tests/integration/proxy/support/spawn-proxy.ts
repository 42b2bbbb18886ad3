import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ProxyOptions } from '../../../../src/proxy/server';
import { ROLE_NAMES, TEST_AUDIENCE } from './test-authority';
import type { ProxyStack } from './proxy-stack';

export interface ProxyChild {
  url: string;
  process: ChildProcess;
  /** SIGKILL: no handler runs, no lease is released, no request is finished. */
  kill(): Promise<void>;
}

/** The options of the stack's own proxy, with storage reached through `blobEndpoint`. */
export function childProxyOptions(stack: ProxyStack, blobEndpoint: string): ProxyOptions {
  return {
    auth: {
      issuer: stack.authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: stack.authority.jwksUri,
      roles: ROLE_NAMES,
    },
    trustedCaPem: stack.tls.caCertPem,
    hub: { connectionString: stack.hub.connectionString },
    storage: {
      accountName: stack.azurite.accountName,
      accountKey: stack.azurite.accountKey,
      blobEndpoint,
      tableEndpoint: stack.azurite.tableEndpoint,
      queueEndpoint: stack.azurite.queueEndpoint,
    },
    spa: {
      auth: {
        clientId: 'spa-client',
        authority: 'https://localhost:8443/tenant-1',
        knownAuthorities: ['localhost:8443'],
        apiScope: `${TEST_AUDIENCE}/access_as_user`,
      },
      storageEndpoint: blobEndpoint,
      hubHostName: stack.hub.hostName,
    },
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
  };
}

export async function spawnProxy(options: ProxyOptions): Promise<ProxyChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/integration/proxy/support/proxy-child.ts'],
    {
      cwd: process.cwd(),
      env: { ...process.env, PROXY_CHILD_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let url = '';
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('PROXY_URL=')) {
      url = line.slice('PROXY_URL='.length);
      break;
    }
  }
  if (!url) throw new Error('the proxy child printed no URL');
  return {
    url,
    process: child,
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
