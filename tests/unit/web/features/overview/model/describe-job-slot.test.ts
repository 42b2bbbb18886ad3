import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../../../src/contracts/api';
import { describeJobSlot } from '../../../../../../src/web/features/overview/model/describe-job-slot';
import { hubNameOf } from '../../../../../../src/web/lib/use-hub-info';

const ours = { jobId: 'job-ours', type: 'import', status: 'running' } as const;
const job = { jobId: 'job-ours', fileName: 'devices.csv' } as unknown as Job;

describe('describeJobSlot', () => {
  it('is free when the hub names no active job', () => {
    expect(describeJobSlot(null, [job])).toEqual({ kind: 'free' });
  });

  it('is ours, with the operation, when one of our jobs holds it', () => {
    expect(describeJobSlot(ours, [job])).toEqual({ kind: 'ours', job });
  });

  it('names a job started outside the console by its type, id and status', () => {
    expect(
      describeJobSlot({ jobId: 'az-cli-1', type: 'export', status: 'running' }, [job]),
    ).toEqual({ kind: 'outside', jobId: 'az-cli-1', type: 'export', status: 'running' });
  });
});

describe('hubNameOf', () => {
  it('is the first label of the host name', () => {
    expect(hubNameOf('contoso-prod.azure-devices.net')).toBe('contoso-prod');
  });

  it('keeps a host name without dots as it is', () => {
    expect(hubNameOf('localhost')).toBe('localhost');
  });
});
