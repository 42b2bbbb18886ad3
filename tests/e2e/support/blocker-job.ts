import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';
import { hubRequest } from '../../support/hub-rest';

// Occupies the hub's single import/export job slot with an import started straight at the hub (not
// through the proxy), the way another admin's tool would. The e2e stack paces the emulator, so a
// job of `devices` lines runs for a predictable few seconds.

export interface BlockerJob {
  jobId: string;
  waitUntilDone(): Promise<string>;
}

export async function startBlockerImport(devices: number, prefix = 'blocker'): Promise<BlockerJob> {
  const accountName = env('E2E_STORAGE_ACCOUNT');
  const accountKey = env('E2E_STORAGE_KEY');
  const endpoint = env('E2E_STORAGE_ENDPOINT');
  const connectionString = env('E2E_HUB_CONNECTION_STRING');
  const ca = env('E2E_CA_CERT_PEM');

  const credential = new StorageSharedKeyCredential(accountName, accountKey);
  const containerName = `blocker-${Date.now()}`;
  const container = new BlobServiceClient(endpoint, credential).getContainerClient(containerName);
  await container.create();
  const lines: string[] = [];
  for (let i = 0; i < devices; i += 1)
    lines.push(
      JSON.stringify({ id: `${prefix}-${i}`, importMode: 'createOrUpdate', status: 'enabled' }),
    );
  const body = lines.join('\n') + '\n';
  await container.getBlockBlobClient('devices.txt').upload(body, Buffer.byteLength(body));

  const sas = generateBlobSASQueryParameters(
    {
      containerName,
      permissions: ContainerSASPermissions.parse('rwdl'),
      expiresOn: new Date(Date.now() + 3_600_000),
    },
    credential,
  ).toString();
  const uri = `${container.url}?${sas}`;
  const created = await hubRequest(connectionString, ca, 'POST', '/jobs/create', {
    type: 'import',
    inputBlobContainerUri: uri,
    outputBlobContainerUri: uri,
  });
  if (created.status !== 200)
    throw new Error(`Blocker job was refused: ${created.status} ${JSON.stringify(created.body)}`);
  const jobId = (created.body as { jobId: string }).jobId;

  return {
    jobId,
    async waitUntilDone() {
      for (;;) {
        const job = await hubRequest(connectionString, ca, 'GET', `/jobs/${jobId}`);
        const status = (job.body as { status: string }).status;
        if (['completed', 'failed', 'cancelled'].includes(status)) return status;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: global-setup did not start the stack`);
  return value;
}
