import { describe, expect, it } from 'vitest';
import type { CopyResponse, Job } from '../../../../../../src/contracts/api';
import { copySteps } from '../../../../../../src/web/features/copy/model/copy-steps';

const job = (status: Job['status'], progress = 0, failureReason: string | null = null) =>
  ({ status, progress, failureReason }) as Job;

const copy = (over: Partial<CopyResponse> = {}): CopyResponse => ({
  operationId: 'import-20261208-aaaaaaaaaa',
  sourceHubId: 'hub-a',
  targetHubId: 'hub-b',
  sourceExportOperationId: 'export-20261208-aaaaaaaaaa',
  mode: 'create',
  state: 'ready',
  createdAt: '2026-12-08T00:00:00.000Z',
  counts: { devices: 30, modules: 4, skipped: { 'a runtime module': 2 }, adjusted: {} },
  ...over,
});

const states = (steps: ReturnType<typeof copySteps>) => steps.map((s) => s.state);

describe('copySteps', () => {
  it('waits on every step before the export starts', () => {
    expect(states(copySteps({}))).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it("shows the export's own progress while it runs", () => {
    const [exported] = copySteps({ exportJob: job('running', 40) });
    expect(exported).toMatchObject({ state: 'running', percent: 40 });
  });

  it('says why a failed export failed', () => {
    const [exported] = copySteps({ exportJob: job('failed', 10, 'storage refused') });
    expect(exported).toMatchObject({ state: 'failed', note: 'The job failed: storage refused' });
  });

  it('counts the rewrite, left-out lines included', () => {
    const steps = copySteps({ exportJob: job('completed', 100), copy: copy() });
    expect(steps[1]).toMatchObject({
      state: 'done',
      note: '34 lines (30 devices, 4 modules), 2 left out.',
    });
    expect(steps[2]?.state).toBe('waiting');
    const large = copy({
      counts: { devices: 100_002, modules: 1, skipped: {}, adjusted: {} },
    });
    expect(copySteps({ exportJob: job('completed', 100), copy: large })[1]?.note).toBe(
      '100,003 lines (100,002 devices, 1 module).',
    );
  });

  it('marks a rewrite cut short as failed', () => {
    expect(copySteps({ copy: copy({ state: 'rewriting' }) })[1]?.state).toBe('failed');
  });

  it('ends with the verification: identical, or the differences counted', () => {
    const done = {
      state: 'done' as const,
      exportOperationId: 'export-20261208-bbbbbbbbbb',
      verifiedAt: '2026-12-08T00:00:00.000Z',
      total: 34,
      identical: 32,
      runtimeKeysMadeByTarget: 2,
      differenceCount: 0,
      differences: [],
      ok: true,
      summary: '34 of 34 identical',
    };
    const ok = copySteps({ importJob: job('completed', 100), copy: copy({ verification: done }) });
    expect(ok[3]).toMatchObject({ state: 'done', note: '34 of 34 identical' });
    const differs = copySteps({
      copy: copy({
        verification: { ...done, ok: false, differenceCount: 1, summary: '33 of 34 identical' },
      }),
    });
    expect(differs[3]).toMatchObject({
      state: 'failed',
      note: '33 of 34 identical; 1 differences.',
    });
    const running = copySteps({
      copy: copy({ verification: { state: 'exporting', exportOperationId: 'x' } }),
    });
    expect(running[3]?.state).toBe('running');
  });
});
