import { randomBytes } from 'node:crypto';
import { BlockBlobClient } from '@azure/storage-blob';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { OperationFile } from '../../../src/contracts/api/files';
import type { CreateImportResponse, StartImportResponse } from '../../../src/contracts/api/imports';
import type { Job } from '../../../src/contracts/api/jobs';
import { parseHubConnectionString } from '../../../src/proxy/hub/connection-string';
import { signHubSasToken } from '../../../src/proxy/hub/sas-token';
import { importRequestFor } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// docs/proxy.md#what-support-can-and-cannot-see: secrets are planted in every kind of file an
// operation has (a CSV and a JSON source whose key columns have names only the admin's mapping
// explains, the converted devices.txt, an importErrors.log whose raw lines carry keys,
// configurations.txt with an IoT Edge registry password, an export's devices.txt with keys and a
// connection string in a twin). Each is then read back as support through every route the proxy
// offers, by job id and by operation id; no byte support receives, headers included, may hold a
// planted secret. The admin reads the same files and does see every secret, so the test cannot pass
// by planting nothing.

const key = (): string => randomBytes(32).toString('base64');
const planted = {
  // Not key-shaped on purpose: only the recorded mapping can tell that these columns are keys.
  csvPrimary: `planted-csv-primary-${randomBytes(4).toString('hex')}`,
  jsonK1: `planted-json-k1-${randomBytes(4).toString('hex')}`,
  csvSecondary: key(),
  csvNoteKey: key(),
  jsonPrimary: key(),
  devicePrimary: key(),
  deviceSecondary: key(),
  twinConnectionKey: key(),
  rawLineKey: key(),
  brokenLineKey: key(),
  registryPassword: `planted-registry-password-${randomBytes(4).toString('hex')}`,
  envPassword: `planted-env-password-${randomBytes(4).toString('hex')}`,
};
const SECRETS = Object.values(planted);

interface PlantedFile {
  name: string;
  refs: () => string[];
  file: OperationFile;
  secrets: string[];
}

let stack: ProxyStack;
let csvImport: { operationId: string; jobId: string };
let jsonImport: { operationId: string };
let exported: { operationId: string; jobId: string };

async function waitForEnd(jobId: string): Promise<Job> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = (await (await stack.call('GET', `/api/jobs/${jobId}`, 'admin')).json()) as Job;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function createImport(
  devices: string,
  source: string,
  extension: 'csv' | 'json',
  keyColumns: string[],
): Promise<CreateImportResponse> {
  const response = await stack.call('POST', '/api/imports', 'admin', {
    ...importRequestFor(devices, source, extension),
    keyColumns,
  });
  expect(response.status).toBe(200);
  const created = (await response.json()) as CreateImportResponse;
  await new BlockBlobClient(created.uploads.devices.url).upload(
    devices,
    Buffer.byteLength(devices),
  );
  await new BlockBlobClient(created.uploads.source.url).upload(source, Buffer.byteLength(source));
  return created;
}

/** An IoT Edge deployment as an admin would write it, put to the hub's REST API directly. */
async function putEdgeDeployment(): Promise<void> {
  const credentials = parseHubConnectionString(stack.hub.connectionString);
  const token = signHubSasToken(credentials, Math.floor(Date.now() / 1000) + 3600);
  const agent = new Agent({ connect: { ca: stack.tls.caCertPem } });
  const body = {
    id: 'mask-edge-deploy',
    content: {
      modulesContent: {
        $edgeAgent: {
          'properties.desired': {
            schemaVersion: '1.1',
            runtime: {
              type: 'docker',
              settings: {
                registryCredentials: {
                  acr: {
                    username: 'acr-user',
                    password: planted.registryPassword,
                    address: 'acr.example.io',
                  },
                },
              },
            },
            modules: {
              db: { env: { DB_PASSWORD: { value: planted.envPassword } } },
            },
          },
        },
      },
    },
    targetCondition: "tags.site='north'",
    priority: 10,
  };
  const response = await fetch(
    `${stack.hub.url}/configurations/mask-edge-deploy?api-version=2021-04-12`,
    {
      method: 'PUT',
      dispatcher: agent,
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    } as RequestInit,
  );
  expect(response.status).toBe(200);
  await agent.close();
}

beforeAll(async () => {
  stack = await startProxyStack();
  const devices = [
    JSON.stringify({
      id: 'mask-csv-0',
      importMode: 'create',
      authentication: {
        type: 'sas',
        symmetricKey: { primaryKey: planted.devicePrimary, secondaryKey: planted.deviceSecondary },
      },
      properties: {
        desired: {
          upstream: `HostName=up.example.net;DeviceId=x;SharedAccessKey=${planted.twinConnectionKey}`,
        },
      },
    }),
    // The hub cannot read these two and copies each raw line, keys and all, into errorStatus.
    JSON.stringify({
      id: 'mask-bad-0',
      importMode: 'create',
      authentication: { type: 'SELF_SIGNED', symmetricKey: { primaryKey: planted.rawLineKey } },
    }),
    `{"id":"mask-bad-1","importMode":"create","authentication":{"symmetricKey":{"primaryKey":"${planted.brokenLineKey}"`,
  ].join('\n');
  const csv = `id,primary,secondary,note\nmask-csv-0,${planted.csvPrimary},${planted.csvSecondary},"HostName=h;SharedAccessKey=${planted.csvNoteKey}"\n`;
  const created = await createImport(devices, csv, 'csv', ['primary', 'secondary']);
  const started = (await (
    await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin')
  ).json()) as StartImportResponse;
  csvImport = { operationId: created.operationId, jobId: started.job.jobId ?? '' };
  await waitForEnd(csvImport.jobId);

  const jsonDevices = JSON.stringify({
    id: 'mask-json-0',
    importMode: 'create',
    authentication: { type: 'sas', symmetricKey: { primaryKey: planted.jsonPrimary } },
  });
  const jsonSource = JSON.stringify(
    [{ id: 'mask-json-0', k1: planted.jsonK1, primary_key: planted.jsonPrimary }],
    null,
    2,
  );
  // Not started: its files are reachable by operation id all the same.
  jsonImport = {
    operationId: (await createImport(jsonDevices, jsonSource, 'json', ['k1'])).operationId,
  };

  await putEdgeDeployment();
  const exportResponse = (await (
    await stack.call('POST', '/api/exports', 'admin', {
      excludeKeys: false,
      includeConfigurations: true,
    })
  ).json()) as CreateExportResponse;
  exported = {
    operationId: exportResponse.job.operationId ?? '',
    jobId: exportResponse.job.jobId ?? '',
  };
  await waitForEnd(exported.jobId);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const FILES: PlantedFile[] = [
  {
    name: 'source.csv of an import',
    refs: () => [csvImport.operationId, csvImport.jobId],
    file: 'source',
    secrets: [planted.csvPrimary, planted.csvSecondary, planted.csvNoteKey],
  },
  {
    name: 'source.json of an import',
    refs: () => [jsonImport.operationId],
    file: 'source',
    secrets: [planted.jsonK1, planted.jsonPrimary],
  },
  {
    name: "an import's devices.txt",
    refs: () => [csvImport.operationId, csvImport.jobId],
    file: 'devices',
    secrets: [
      planted.devicePrimary,
      planted.deviceSecondary,
      planted.twinConnectionKey,
      planted.rawLineKey,
      planted.brokenLineKey,
    ],
  },
  {
    name: 'importErrors.log with raw lines',
    refs: () => [csvImport.operationId, csvImport.jobId],
    file: 'errors',
    secrets: [planted.rawLineKey, planted.brokenLineKey],
  },
  {
    name: "an export's devices.txt with keys",
    refs: () => [exported.operationId, exported.jobId],
    file: 'devices',
    secrets: [planted.devicePrimary, planted.deviceSecondary, planted.twinConnectionKey],
  },
  {
    name: 'configurations.txt with a registry password',
    refs: () => [exported.operationId, exported.jobId],
    file: 'configurations',
    secrets: [planted.registryPassword, planted.envPassword],
  },
];

/** Every byte of an answer: status line, headers and body. */
async function received(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status}\n${headers}\n\n${await response.text()}`;
}

function expectNoSecret(bytes: string, where: string): void {
  for (const secret of SECRETS)
    expect(bytes.includes(secret), `${where} holds a planted secret`).toBe(false);
}

async function expectAdminReadsSecrets(target: PlantedFile): Promise<void> {
  const [ref] = target.refs();
  const text = await (
    await stack.call('GET', `/api/jobs/${ref}/files/${target.file}`, 'admin')
  ).text();
  for (const secret of target.secrets) expect(text).toContain(secret);
  const sas = await stack.call('POST', `/api/jobs/${ref}/files/${target.file}/sas`, 'admin');
  expect(sas.status).toBe(200);
  const { url } = (await sas.json()) as { url: string };
  const direct = await (await fetch(url)).text();
  for (const secret of target.secrets) expect(direct).toContain(secret);
}

describe('support never reads a secret', () => {
  for (const target of FILES) {
    it(`support reads ${target.name} masked by every address and gets no read SAS; admin reads it all`, async () => {
      // First the control: the secrets are really there, and a read SAS would show them.
      await expectAdminReadsSecrets(target);
      for (const ref of target.refs()) {
        const response = await stack.call(
          'GET',
          `/api/jobs/${ref}/files/${target.file}`,
          'support',
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('x-keys-masked')).toBe('true');
        const bytes = await received(response);
        expect(bytes).toContain('***');
        expectNoSecret(bytes, `GET ${target.file} by ${ref}`);

        const sas = await stack.call(
          'POST',
          `/api/jobs/${ref}/files/${target.file}/sas`,
          'support',
        );
        expect(sas.status).toBe(403);
        expectNoSecret(await received(sas), `POST ${target.file}/sas by ${ref}`);
      }
    });
  }

  it('keeps what support needs: ids, error codes and the raw line around its masked keys', async () => {
    const errors = await (
      await stack.call('GET', `/api/jobs/${csvImport.jobId}/files/errors`, 'support')
    ).text();
    const lines = errors
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { errorCode: number; errorStatus: string });
    expect(lines.map((line) => line.errorCode)).toEqual([400012, 400012]);
    expect(lines[0]?.errorStatus).toContain('"id":"mask-bad-0"');
    expect(lines[0]?.errorStatus).toContain('"primaryKey":"***"');
    const source = await (
      await stack.call('GET', `/api/jobs/${csvImport.operationId}/files/source`, 'support')
    ).text();
    expect(source).toBe(
      'id,primary,secondary,note\nmask-csv-0,***,***,"HostName=h;SharedAccessKey=***"\n',
    );
  });

  it('no answer to any route support may call holds a planted secret', async () => {
    const refs = [csvImport, jsonImport, exported].flatMap((operation) => Object.values(operation));
    const calls: [string, string][] = [
      ['GET', '/api/me'],
      ['GET', '/api/hub'],
      ['GET', '/api/hub/counts'],
      ['GET', '/api/jobs'],
      ['GET', '/api/openapi.json'],
      ...refs.map((ref): [string, string] => ['GET', `/api/jobs/${ref}`]),
      ...FILES.flatMap((target) =>
        target.refs().flatMap((ref): [string, string][] => [
          ['GET', `/api/jobs/${ref}/files/${target.file}`],
          ['POST', `/api/jobs/${ref}/files/${target.file}/sas`],
        ]),
      ),
    ];
    for (const [method, path] of calls) {
      const response = await stack.call(method, path, 'support');
      expectNoSecret(await received(response), `${method} ${path}`);
    }
  });
});
