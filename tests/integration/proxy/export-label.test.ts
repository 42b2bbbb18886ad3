import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../src/contracts/api/errors';
import type { CreateExportResponse } from '../../../src/contracts/api/exports';
import type { Job, JobListResponse } from '../../../src/contracts/api/jobs';
import { waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// An export's label goes from the start request into the container's metadata and comes back on
// every read of the job, so two exports of the same second can be told apart by what they were for.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack();
});

afterAll(async () => {
  await stack?.close();
});

async function startExport(body: unknown): Promise<Response> {
  await waitForIdleHub(stack);
  return stack.call('POST', '/api/exports', 'admin', body);
}

async function listed(jobId: string | null): Promise<Job | undefined> {
  const response = await stack.call('GET', '/api/jobs', 'support');
  return ((await response.json()) as JobListResponse).jobs.find((job) => job.jobId === jobId);
}

describe('export labels', () => {
  it('stores a trimmed label, shown in the start answer, the list and the job; a blank one is none', async () => {
    const response = await startExport({ excludeKeys: true, label: '  before the Zürich move ' });
    expect(response.status).toBe(200);
    const { job } = (await response.json()) as CreateExportResponse;
    expect(job.label).toBe('before the Zürich move');
    expect((await listed(job.jobId))?.label).toBe('before the Zürich move');
    const one = (await (
      await stack.call('GET', `/api/jobs/${job.jobId}`, 'support')
    ).json()) as Job;
    expect(one.label).toBe('before the Zürich move');

    const blank = await startExport({ label: '   ' });
    expect(((await blank.json()) as CreateExportResponse).job.label).toBeNull();
  });

  it.each([
    ['longer than 100 characters', 'x'.repeat(101)],
    ['with a line break', 'first\nsecond'],
    ['with a right-to-left override', 'abc\u202edef'],
  ])('refuses a label %s with 400 VALIDATION_FAILED and starts nothing', async (_, label) => {
    const before = (await (
      await stack.call('GET', '/api/jobs', 'admin')
    ).json()) as JobListResponse;
    const response = await startExport({ label });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const after = (await (await stack.call('GET', '/api/jobs', 'admin')).json()) as JobListResponse;
    expect(after.jobs.length).toBe(before.jobs.length);
  });
});
