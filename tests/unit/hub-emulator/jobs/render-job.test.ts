import { describe, expect, it } from 'vitest';
import { renderJob } from '../../../../src/hub-emulator/jobs/render-job';
import type { JobRecord } from '../../../../src/hub-emulator/jobs/job-record';

const job: JobRecord = {
  jobId: 'j1',
  type: 'import',
  status: 'failed',
  progress: 40,
  startTimeUtc: '2026-01-01T00:00:00.0000000Z',
  endTimeUtc: '2026-01-01T00:01:00.0000000Z',
  failureReason: 'boom',
  request: {
    inputBlobContainerUri: 'https://in?sas',
    outputBlobContainerUri: 'https://out?sas',
    excludeKeysInExport: false,
    storageAuthenticationType: 'keyBased',
  },
  position: 0,
  totalBytes: 0,
  errorCount: 0,
};

describe('renderJob', () => {
  it('echoes the URIs and the storage auth type on create', () => {
    expect(renderJob(job, 'create')).toMatchObject({
      inputBlobContainerUri: 'https://in?sas',
      outputBlobContainerUri: 'https://out?sas',
      storageAuthenticationType: 'keyBased',
    });
  });

  it('omits the input URI and blanks the output URI on GET', () => {
    const body = renderJob(job, 'get');
    expect('inputBlobContainerUri' in body).toBe(false);
    expect(body.outputBlobContainerUri).toBe('');
    expect('storageAuthenticationType' in body).toBe(false);
    expect(body.failureReason).toBe('boom');
    expect(body.useSecondaryStorageAsSource).toBe(false);
  });
});
