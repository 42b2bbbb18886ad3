import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { startAzurite, type AzuriteHandle } from '../../../../src/dev-stack/azurite';
import { signSas } from '../../../../src/hub-emulator/auth/sign-sas';
import {
  createHubEmulator,
  type HubEmulatorHandle,
  type HubEmulatorOptions,
} from '../../../../src/hub-emulator/server';
import { ensureLocalTls } from '../../../../src/local-ca/local-ca';
import { createProxy } from '../../../../src/proxy/server';
import {
  ROLE_NAMES,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  startTestAuthority,
  type TestAuthority,
} from './test-authority';

// The real proxy in front of a throttled hub emulator (Azurite and a JWKS endpoint behind it, as in
// proxy-stack.ts). The emulator's log lines are collected, so a test can count the 429s it sent,
// and `hubCall` reaches the emulator directly to use up a class's budget.
export interface ThrottledHubStack {
  hub: HubEmulatorHandle;
  hubLog: string[];
  call(pathName: string): Promise<Response>;
  /** An admin's POST with a JSON body through the proxy. */
  post(pathName: string, body: unknown): Promise<Response>;
  hubCall(method: string, pathName: string): Promise<number>;
  close(): Promise<void>;
}

export async function startThrottledHubStack(
  hubOptions: Pick<HubEmulatorOptions, 'throttling' | 'clock'>,
  onHubLog: (line: string) => void = () => undefined,
): Promise<ThrottledHubStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'throttled-hub-'));
  const tls = await ensureLocalTls(path.join(dir, 'tls'));
  const authority: TestAuthority = await startTestAuthority();
  const azurite: AzuriteHandle = await startAzurite();
  const hubLog: string[] = [];
  const hub = await createHubEmulator({
    dataDir: path.join(dir, 'hub'),
    tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
    log: (line) => {
      hubLog.push(line);
      onHubLog(line);
    },
    ...hubOptions,
  });
  const proxy = await createProxy({
    auth: {
      issuer: authority.issuer,
      audience: TEST_AUDIENCE,
      jwksUri: authority.jwksUri,
      roles: ROLE_NAMES,
    },
    trustedCaPem: tls.caCertPem,
    hub: { connectionString: hub.connectionString },
    storage: {
      accountName: azurite.accountName,
      accountKey: azurite.accountKey,
      blobEndpoint: azurite.blobEndpoint,
      tableEndpoint: azurite.tableEndpoint,
    },
    spa: {
      auth: {
        clientId: TEST_CLIENT_ID,
        authority: 'https://localhost:8443/tenant-1',
        knownAuthorities: ['localhost:8443'],
        apiScope: `${TEST_AUDIENCE}/access_as_user`,
      },
      storageEndpoint: azurite.blobEndpoint,
      hubHostName: hub.hostName,
    },
    log: () => undefined,
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
    readRateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  const dispatcher = new Agent({ connect: { ca: tls.caCertPem } });
  const key = /SharedAccessKey=([^;]+)/.exec(hub.connectionString)?.[1] ?? '';
  const clock = hubOptions.clock ?? (() => new Date());
  return {
    hub,
    hubLog,
    async call(pathName) {
      const authorization = (await authority.authorization('admin')) ?? '';
      return fetch(`${proxy.url}${pathName}`, {
        headers: { authorization },
      }) as unknown as Promise<Response>;
    },
    async post(pathName, body) {
      const authorization = (await authority.authorization('admin')) ?? '';
      return fetch(`${proxy.url}${pathName}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }) as unknown as Promise<Response>;
    },
    async hubCall(method, pathName) {
      const response = await fetch(`${hub.url}${pathName}?api-version=2021-04-12`, {
        method,
        dispatcher,
        headers: {
          authorization: signSas(
            'localhost',
            'iothubowner',
            key,
            Math.floor(clock().getTime() / 1000) + 3600,
          ),
        },
      });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      await proxy.close();
      await hub.close();
      await dispatcher.close();
      await azurite.close();
      await authority.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
