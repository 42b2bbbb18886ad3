import type { JobRecord } from './job-record';

// JobProperties as recorded from a live hub (docs/reference/hub-wire-contract.md#recorded-traffic):
// this key order, null fields left out, lower-case enums, `useSecondaryStorageAsSource:false`
// always present. The create response echoes both container URIs; GET and list omit the input URI
// and send the output URI as "" (the recorder masked its value; "" is the CLI fixture's).
export type JobView = 'create' | 'get';

export function renderJob(job: JobRecord, view: JobView): Record<string, unknown> {
  const request = job.request;
  const body: Record<string, unknown> = { jobId: job.jobId, startTimeUtc: job.startTimeUtc };
  if (job.endTimeUtc) body.endTimeUtc = job.endTimeUtc;
  body.type = job.type;
  body.status = job.status;
  body.progress = job.progress;
  if (view === 'create' && request.inputBlobContainerUri !== undefined)
    body.inputBlobContainerUri = request.inputBlobContainerUri;
  body.outputBlobContainerUri = view === 'create' ? request.outputBlobContainerUri : '';
  if (request.inputBlobName !== undefined) body.inputBlobName = request.inputBlobName;
  if (request.outputBlobName !== undefined) body.outputBlobName = request.outputBlobName;
  body.excludeKeysInExport = request.excludeKeysInExport;
  body.useSecondaryStorageAsSource = false;
  if (request.includeConfigurations !== undefined)
    body.includeConfigurations = request.includeConfigurations;
  if (request.configurationsBlobName !== undefined)
    body.configurationsBlobName = request.configurationsBlobName;
  // The CLI's live test saw storageAuthenticationType echoed on create when it was sent.
  if (view === 'create' && request.storageAuthenticationType !== undefined)
    body.storageAuthenticationType = request.storageAuthenticationType;
  if (view === 'create' && request.identity) body.identity = request.identity;
  if (job.failureReason) body.failureReason = job.failureReason;
  return body;
}
