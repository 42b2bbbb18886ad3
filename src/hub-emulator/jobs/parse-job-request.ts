import { hubError } from '../http/hub-error';
import { isObject } from '../model/parse-identity-json';
import { keyCanonicalizer } from '../model/canonical-keys';
import type { JobRequest, JobType } from './job-record';

// The body of POST /jobs/create (docs/reference/hub-wire-contract.md#create-a-job, #job-fields).
// Server-owned fields (jobId, status, progress, times) are ignored, as C# sends them with defaults;
// enums are case-insensitive (Node sends `IdentityBased`).
export const jobRequestKeys = keyCanonicalizer([
  'jobId',
  'type',
  'status',
  'progress',
  'inputBlobContainerUri',
  'outputBlobContainerUri',
  'inputBlobName',
  'outputBlobName',
  'excludeKeysInExport',
  'includeConfigurations',
  'configurationsBlobName',
  'storageAuthenticationType',
  'identity',
]);

export function parseJobRequest(raw: unknown): { type: JobType; request: JobRequest } {
  if (!isObject(raw)) throw hubError('ArgumentNull', 'The job properties are missing.');
  const body = jobRequestKeys(raw);
  const type = typeof body.type === 'string' ? body.type.toLowerCase() : '';
  if (type !== 'import' && type !== 'export') {
    throw hubError(
      'ArgumentInvalid',
      `Job type '${String(body.type)}' is not supported by /jobs/create; use import or export.`,
    );
  }
  const output = body.outputBlobContainerUri;
  if (typeof output !== 'string' || output === '')
    throw hubError('ArgumentNull', 'outputBlobContainerUri is required.');
  const request: JobRequest = {
    outputBlobContainerUri: output,
    excludeKeysInExport: body.excludeKeysInExport === true,
  };
  if (type === 'import') {
    const input = body.inputBlobContainerUri;
    if (typeof input !== 'string' || input === '')
      throw hubError('ArgumentNull', 'inputBlobContainerUri is required for an import job.');
    request.inputBlobContainerUri = input;
  }
  const auth = body.storageAuthenticationType;
  if (typeof auth === 'string') {
    const lower = auth.toLowerCase();
    if (lower !== 'keybased' && lower !== 'identitybased')
      throw hubError('ArgumentInvalid', `Unknown storageAuthenticationType '${auth}'.`);
    request.storageAuthenticationType = lower === 'keybased' ? 'keyBased' : 'identityBased';
  }
  const identity = isObject(body.identity) ? body.identity : undefined;
  if (body.identity !== undefined && body.identity !== null && !identity)
    throw hubError('ArgumentInvalid', "'identity' must be an object.");
  const userAssigned = identity?.userAssignedIdentity;
  if (userAssigned !== undefined && userAssigned !== null && typeof userAssigned !== 'string')
    throw hubError('ArgumentInvalid', "'identity.userAssignedIdentity' must be a string.");
  // Only an identity-based job uses an identity; a key-based one ignores it.
  if (request.storageAuthenticationType === 'identityBased' && userAssigned)
    request.identity = { userAssignedIdentity: userAssigned };
  if (typeof body.inputBlobName === 'string' && body.inputBlobName !== '')
    request.inputBlobName = body.inputBlobName;
  if (typeof body.outputBlobName === 'string' && body.outputBlobName !== '')
    request.outputBlobName = body.outputBlobName;
  if (typeof body.includeConfigurations === 'boolean')
    request.includeConfigurations = body.includeConfigurations;
  if (typeof body.configurationsBlobName === 'string' && body.configurationsBlobName !== '') {
    request.configurationsBlobName = body.configurationsBlobName;
  }
  return { type, request };
}
