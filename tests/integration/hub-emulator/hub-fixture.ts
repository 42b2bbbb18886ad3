import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import {
  ContainerClient,
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { Agent, fetch } from 'undici';
import { Registry } from 'azure-iothub';
import { ensureLocalTls, type LocalTls } from '../../../src/local-ca/local-ca';
import { startAzurite, type AzuriteHandle } from '../../../src/dev-stack/azurite';
import {
  createHubEmulator,
  type HubEmulatorHandle,
  type HubEmulatorOptions,
} from '../../../src/hub-emulator/server';
import { signSas } from '../../../src/hub-emulator/auth/sign-sas';

// Shared set-up for the emulator's integration tests: a TLS folder made once per run, Azurite in
// memory, emulators on port 0, the official SDK pointed at localhost:<port>, and a raw REST client.
let tlsPromise: Promise<LocalTls> | undefined;
const tlsDir = path.join(os.tmpdir(), 'hub-emulator-tests-tls');

export function testTls(): Promise<LocalTls> {
  return (tlsPromise ??= ensureLocalTls(tlsDir));
}

export interface TestHub extends HubEmulatorHandle {
  dataDir: string;
  port: number;
  /** The hub's clock, which raw requests sign their SAS expiry against. */
  clock: () => Date;
  dispose(): Promise<void>;
}

export async function startTestHub(options: Partial<HubEmulatorOptions> = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hub-emulator-')));
  const tls = await testTls();
  const hub = await createHubEmulator({
    dataDir,
    tls: { certPem: tls.certPem, keyPem: tls.keyPem, caCertPath: tls.caCertPath },
    ...options,
  });
  const port = Number(hub.hostName.split(':')[1]);
  return {
    ...hub,
    dataDir,
    port,
    clock: options.clock ?? (() => new Date()),
    dispose: async () => {
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The SDK only speaks HTTPS to the bare host on its agent's default port, so strip the port and
 * hand it an agent.
 */
export async function sdkRegistry(connectionString: string): Promise<Registry> {
  const port = Number(/HostName=[^;:]+:(\d+)/.exec(connectionString)?.[1]);
  const registry = Registry.fromConnectionString(
    connectionString.replace(/(HostName=[^;:]+):\d+/, '$1'),
  );
  const agent = new https.Agent({
    ca: await readFile((await testTls()).caCertPath, 'utf8'),
    keepAlive: false,
  });
  (agent as https.Agent & { defaultPort: number }).defaultPort = port;
  (
    registry as unknown as { _restApiClient: { setOptions(o: unknown): void } }
  )._restApiClient.setOptions({ http: { agent } });
  return registry;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

let undiciAgent: Agent | undefined;

/**
 * Enough of a hub to talk to it: an in-process handle or one rebuilt from a child's printed lines.
 */
export type HubTarget = Pick<HubEmulatorHandle, 'url' | 'connectionStringFor'> & {
  clock?: () => Date;
};

export async function rawRequest(
  hub: HubTarget,
  method: string,
  pathAndQuery: string,
  init: {
    body?: unknown;
    headers?: Record<string, string>;
    policy?: 'iothubowner' | 'registryRead' | 'registryReadWrite' | 'service' | 'device';
    auth?: string;
  } = {},
): Promise<RawResponse> {
  const policyConn = hub.connectionStringFor(init.policy ?? 'iothubowner');
  const key = /SharedAccessKey=([^;]+)/.exec(policyConn)?.[1] ?? '';
  const auth =
    init.auth ??
    signSas(
      'localhost',
      init.policy ?? 'iothubowner',
      key,
      Math.floor((hub.clock?.() ?? new Date()).getTime() / 1000) + 3600,
    );
  undiciAgent ??= new Agent({ connect: { ca: (await testTls()).caCertPem } });
  const separator = pathAndQuery.includes('?') ? '&' : '?';
  const url = pathAndQuery.includes('api-version=')
    ? `${hub.url}${pathAndQuery}`
    : `${hub.url}${pathAndQuery}${separator}api-version=2021-04-12`;
  const response = await fetch(url, {
    method,
    dispatcher: undiciAgent,
    headers: {
      authorization: auth,
      'content-type': 'application/json; charset=utf-8',
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers as unknown as Headers, text, json };
}

export interface TestStorage {
  azurite: AzuriteHandle;
  container(
    name: string,
  ): Promise<{ client: ContainerClient; sasUrl(permissions: string): string }>;
}

export async function startTestStorage(): Promise<TestStorage> {
  const azurite = await startAzurite();
  const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey);
  return {
    azurite,
    async container(name) {
      const client = new ContainerClient(`${azurite.blobEndpoint}/${name}`, credential);
      await client.createIfNotExists();
      return {
        client,
        sasUrl: (permissions) => {
          const sas = generateBlobSASQueryParameters(
            {
              containerName: name,
              permissions: ContainerSASPermissions.parse(permissions),
              expiresOn: new Date(Date.now() + 3600_000),
            },
            credential,
          ).toString();
          return `${client.url}?${sas}`;
        },
      };
    },
  };
}

export async function readBlobText(client: ContainerClient, name: string): Promise<string> {
  return (await client.getBlobClient(name).downloadToBuffer()).toString('utf8');
}

export async function uploadText(
  client: ContainerClient,
  name: string,
  text: string,
): Promise<void> {
  await client.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
}

/**
 * Polls GET /jobs/{id} until the job is finished, as clients do
 * (docs/reference/hub-wire-contract.md#read-a-job).
 */
export async function waitForJob(
  hub: HubTarget,
  jobId: string,
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await rawRequest(hub, 'GET', `/jobs/${jobId}`)).json as Record<string, unknown>;
    if (job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled')
      return job;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${String(job.status)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
