import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../../src/contracts/api/errors';
import type { RunResponse } from '../../../../src/contracts/api/runs';
import { createUploadedImport, deviceLines, waitForIdleHub } from '../support/import-fixture';
import { startProxyStack, type ProxyStack } from '../support/proxy-stack';

// Chunked imports (docs/proxy.md, "Chunked imports") on real Azurite (blob, table, queue) and the
// hub emulator: a 15-line file split into chunks of 5, the second planted to fail above the stop
// rule (4 of its 5 devices exist already), so the run stops before the third; resume runs it.

let stack: ProxyStack;

beforeAll(async () => {
  stack = await startProxyStack({
    queueWorker: { pollMs: 100, holdSeconds: 1, leaseSeconds: 5 },
    // A long admin grace: an import left unstarted by the run would hold support exports back.
    supportExports: { enabled: true, intervalSeconds: 1, adminGraceSeconds: 600 },
  });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const lines = (prefix: string, count: number): string[] =>
  deviceLines(prefix, count).split('\n').filter(Boolean);

async function run(runId: string): Promise<RunResponse> {
  const response = await stack.call('GET', `/api/runs/${runId}`, 'support');
  expect(response.status).toBe(200);
  return (await response.json()) as RunResponse;
}

/** Until the run is in `state` with every ended chunk's error lines counted. */
async function waitForRun(runId: string, state: RunResponse['state']): Promise<RunResponse> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const current = await run(runId);
    const counted = current.chunks.every(
      (chunk) => chunk.jobStatus !== 'completed' || chunk.errorLineCount !== null,
    );
    if (current.state === state && counted) return current;
    if (Date.now() > deadline) throw new Error(`run still ${current.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a chunked import with a stop rule', () => {
  it('stops after a chunk fails above the limit, keeps the rest stopped, and resumes', async () => {
    await waitForIdleHub(stack);
    // Devices that already exist make the second chunk's creates fail.
    const existing = await createUploadedImport(stack, deviceLines('dup', 4), 'id\ndup-0');
    await stack.call('POST', `/api/imports/${existing.operationId}/start`, 'admin');
    await waitForIdleHub(stack);

    const edge = JSON.stringify({
      id: 'chunk-edge',
      importMode: 'create',
      status: 'enabled',
      capabilities: { iotEdge: true },
    });
    // The edge device comes last in the file and is imported in chunk 1 all the same.
    const file = [...lines('c', 4), ...lines('dup', 4), ...lines('d', 6), edge].join('\n') + '\n';
    const upload = await createUploadedImport(stack, file, 'id\nc-0');
    const created = await stack.call('POST', `/api/imports/${upload.operationId}/chunks`, 'admin', {
      chunkSize: 5,
      stopPercent: 50,
    });
    expect(created.status).toBe(200);
    const made = (await created.json()) as RunResponse;
    expect(made.chunks.map((chunk) => chunk.rows)).toEqual([5, 5, 5]);
    expect(made.totals.rows).toBe(15);
    // The upload is gone: the chunks hold the only copy of its keys.
    expect((await stack.call('GET', `/api/jobs/${upload.operationId}`, 'admin')).status).toBe(404);
    const firstFile = await stack.call(
      'GET',
      `/api/jobs/${made.chunks[0]?.operationId}/files/devices`,
      'admin',
    );
    expect((await firstFile.text()).split('\n')[0]).toContain('"chunk-edge"');

    const stopped = await waitForRun(made.runId, 'stopped');
    expect(
      stopped.chunks.map((chunk) => [chunk.state, chunk.jobStatus, chunk.errorLineCount]),
    ).toEqual([
      ['started', 'completed', 0],
      ['started', 'completed', 4],
      ['stopped', null, null],
    ]);
    expect(stopped.chunks[2]?.reason).toBe('More than 50% of chunk 2 failed: 4 of 5 rows (80%).');
    // Stopped means stopped: the third chunk is not started while it waits for an admin.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await run(made.runId)).chunks[2]).toMatchObject({ state: 'stopped', jobId: null });

    const resumed = await stack.call('POST', `/api/runs/${made.runId}/resume`, 'admin');
    expect(resumed.status).toBe(200);
    const done = await waitForRun(made.runId, 'completed');
    expect(done.chunks[2]).toMatchObject({
      state: 'started',
      jobStatus: 'completed',
      errorLineCount: 0,
    });
    expect(done.totals).toEqual({ rows: 15, rowsDone: 15, errorLines: 4 });

    const again = await stack.call('POST', `/api/runs/${made.runId}/resume`, 'admin');
    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiErrorBody).error.code).toBe('RUN_NOT_STOPPED');
    expect((await stack.call('GET', '/api/runs/aaaaaaaaaaaaaaaaaaaa', 'admin')).status).toBe(404);

    // A finished run leaves no import waiting to start: support may export again.
    await waitForIdleHub(stack);
    const supportExport = await stack.call('POST', '/api/exports', 'support', {
      excludeKeys: true,
      includeConfigurations: false,
    });
    expect(supportExport.status, await supportExport.clone().text()).toBe(200);
  }, 120_000);
});
