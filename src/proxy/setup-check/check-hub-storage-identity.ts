import type { ContainerClient } from '@azure/storage-blob';
import { HubRequestError } from '../hub/hub-errors';
import { findActiveJob } from '../operations/active-job';
import type { CheckOutcome, RunOptions, SetupCheckDeps } from './setup-check-deps';
import { ok, skipped } from './setup-check-deps';

// With identityBased job storage the hub reaches the containers with its own managed identity,
// which needs Storage Blob Data Contributor on the account. Nothing short of a job shows whether
// it has it, so this runs the smallest one that changes nothing: one `delete` line for a device
// id nobody has (the hub refuses an empty file). The hub reads the line and writes its 404 to
// importErrors.log, which proves both directions.

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export async function checkHubStorageIdentity(
  deps: Pick<SetupCheckDeps, 'hub' | 'storage'>,
  probe: ContainerClient,
  options: RunOptions & {
    probeDeviceId: string;
    sleep?: (ms: number) => Promise<void>;
    timeoutMs?: number;
  },
): Promise<CheckOutcome> {
  if (deps.hub.storageAuthentication !== 'identityBased')
    return skipped(
      'Jobs use keyBased storage: the hub reaches containers by the SAS checked above.',
    );
  if (!options.dryJob)
    return skipped(
      'Checked by a tiny identity-based import from the setup check page (it takes the job slot for a moment).',
    );
  const jobs = await deps.hub.listJobs().catch((error: unknown) => {
    if (error instanceof HubRequestError) return undefined;
    throw error;
  });
  if (!jobs) return skipped('The jobs list could not be read; see the hub check.');
  if (findActiveJob(jobs))
    return skipped(
      'The hub is running a job; run the setup check again when the job slot is free.',
    );
  const line = `${JSON.stringify({ id: options.probeDeviceId, importMode: 'delete' })}\n`;
  await probe.getBlockBlobClient('devices.txt').upload(line, Buffer.byteLength(line));
  const fix =
    "Turn on the hub's identity (IoT Hub, Security settings, Identity) and give it Storage Blob Data Contributor on the storage account, or set IOT_HUB_JOB_STORAGE_IDENTITY to a user-assigned identity of the hub that has it. A new assignment can take up to 10 minutes to apply.";
  let jobId: string;
  try {
    jobId = (
      await deps.hub.createImportJob({
        inputBlobContainerUri: probe.url,
        outputBlobContainerUri: probe.url,
        inputBlobName: 'devices.txt',
      })
    ).jobId;
  } catch (error) {
    if (!(error instanceof HubRequestError)) throw error;
    return {
      status: 'problem',
      code: 'HUB_IDENTITY_STORAGE_REFUSED',
      summary: `The hub refused an identity-based job on ${deps.storage.accountName}: ${error.message || error.hubCode}.`,
      fix,
      details: { hubCode: error.hubCode },
    };
  }
  const sleep =
    options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const job = await deps.hub.getJob(jobId);
    if (job.status === 'completed')
      return ok(
        `The hub read and wrote ${deps.storage.accountName} with its own identity (job ${jobId}).`,
      );
    if (TERMINAL.has(job.status))
      return {
        status: 'problem',
        code: 'HUB_IDENTITY_STORAGE_REFUSED',
        summary: `The hub's identity-based test job ${jobId} ended ${job.status}: ${job.failureReason ?? 'no reason given'}.`,
        fix,
        details: { jobId },
      };
    if (Date.now() > deadline)
      return skipped(`The test job ${jobId} is still ${job.status}; check it on the Jobs page.`);
    await sleep(500);
  }
}
