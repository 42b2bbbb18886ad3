import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/contracts/api/jobs';
import { createUploadedImport, waitForIdleHub } from './support/import-fixture';
import { startProxyStack, type ProxyStack } from './support/proxy-stack';

// Imports on the real emulator through the proxy: a job the hub reports "completed" carries the
// number of lines of its importErrors.log once the proxy has counted it, so the console can tell a
// clean import from one in which rows were refused.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack();
});

afterAll(async () => {
  await stack?.close();
});

async function importAndCount(lines: string[]): Promise<{ seen: Job[]; counted: Job }> {
  await waitForIdleHub(stack);
  const created = await createUploadedImport(stack, lines.join('\n'), 'id\nx');
  const started = await stack.call('POST', `/api/imports/${created.operationId}/start`, 'admin');
  expect(started.status).toBe(200);
  const seen: Job[] = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await stack.call('GET', `/api/jobs/${created.operationId}`, 'support');
    expect(response.status).toBe(200);
    const job = (await response.json()) as Job;
    seen.push(job);
    if (job.errorLineCount !== null) return { seen, counted: job };
    if (Date.now() > deadline) throw new Error(`import not counted: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const device = (id: string, importMode: string) =>
  JSON.stringify({ id, importMode, status: 'enabled' });

describe('the error-line count of an import', () => {
  it('is 0 for a clean import', async () => {
    const { counted } = await importAndCount([
      device('clean-1', 'create'),
      device('clean-2', 'create'),
    ]);
    expect(counted).toMatchObject({ status: 'completed', errorLineCount: 0 });
  });

  it('counts the refused rows of a completed import and is null only until the job ends', async () => {
    // The first import creates the devices; the second asks to create them again: 409001 each.
    await importAndCount([
      device('dup-1', 'create'),
      device('dup-2', 'create'),
      device('dup-3', 'create'),
    ]);
    const { seen, counted } = await importAndCount([
      device('dup-1', 'create'),
      device('dup-2', 'create'),
      device('dup-3', 'create'),
      device('fresh-1', 'create'),
    ]);
    expect(counted).toMatchObject({ status: 'completed', errorLineCount: 3 });
    for (const job of seen.slice(0, -1)) expect(job.errorLineCount).toBeNull();
  });
});
