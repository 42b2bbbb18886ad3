import { describe, expect, it } from 'vitest';
import { FromDiffWorker, ToDiffWorker } from '../../../../../src/contracts/worker/diff-messages';
import { createDiffClient } from '../../../../../src/web/workers/diff/diff-client';
import { createDiffSession } from '../../../../../src/web/workers/diff/diff-session';
import { workerInProcess } from '../../support/worker-pipe';

// The diff page's client and the worker's session joined in process, zod on both sides.
function diffWorker(): Worker {
  let session: ReturnType<typeof createDiffSession> | null = null;
  return workerInProcess({
    receive: ToDiffWorker,
    send: FromDiffWorker,
    handle(message, post) {
      session ??= createDiffSession(post);
      return session(message);
    },
  });
}

const ndjson = (...devices: object[]) =>
  new Blob([devices.map((device) => JSON.stringify(device) + '\r\n').join('')]);
const A = ndjson({ id: 'same', status: 'enabled' }, { id: 'gone', status: 'enabled' });
const B = ndjson({ id: 'same', status: 'disabled' }, { id: 'new', status: 'enabled' });
const OPTIONS = { includeVersionFields: false, includeReported: false };

describe('the diff worker through its client', () => {
  it('diffs two files with progress, then describes a device and builds the plan', async () => {
    const sides = new Set<string>();
    const client = createDiffClient(
      (progress) => sides.add(progress.side),
      () => undefined,
      diffWorker,
    );
    const done = await client.diff(A, B, OPTIONS);
    expect(done.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 0 });
    expect([...sides].sort()).toEqual(['a', 'b']);
    const rows = await client.describe('same');
    expect(rows.find((row) => row.path === 'status')).toMatchObject({ changed: true });
    const plan = await client.plan();
    expect(plan.counts).toMatchObject({ create: 1, delete: 1 });
    expect(await (await client.download('json')).text()).toContain('"summary"');
    client.close();
  });

  it('rejects with the code the worker names', async () => {
    const client = createDiffClient(
      () => undefined,
      () => undefined,
      diffWorker,
    );
    await expect(client.plan()).rejects.toMatchObject({ code: 'NO_DIFF_YET' });
    await client.diff(A, B, OPTIONS);
    await expect(client.describe('nobody')).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    client.close();
  });
});
