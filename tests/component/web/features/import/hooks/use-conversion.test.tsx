import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../../../../../src/core/convert/types';
import { useConversion } from '../../../../../../src/web/features/import/hooks/use-conversion';
import { counted, inProcessConversionWorker } from '../../../../support/in-process-workers';

// The wizard's conversion state machine with the conversion worker's real code: idle, running
// (keeping the last outcome of the same file), done, cancelled, failed; a new start supersedes
// the run before it.

const OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'createOrUpdate',
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  skipInvalid: true,
};

function csvOf(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `dev-${i},enabled`);
  return `deviceId,status\n${rows.join('\n')}\n`;
}

function render(readAs?: (file: Blob) => Blob) {
  const workers = counted(inProcessConversionWorker(readAs));
  const hook = renderHook(() => useConversion(workers.create));
  return { workers, hook };
}

describe('useConversion', () => {
  it('goes from idle through running to done with the report and, after it, the checksums', async () => {
    const { hook } = render();
    expect(hook.result.current.state).toEqual({ phase: 'idle' });
    const file = new File([csvOf(3)], 'devices.csv');
    act(() => hook.result.current.start(file, OPTIONS));
    expect(hook.result.current.state).toMatchObject({
      phase: 'running',
      progress: { records: 0, bytesRead: 0, totalBytes: file.size },
      previous: null,
    });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
    const state = hook.result.current.state;
    if (state.phase !== 'done') throw new Error('not done');
    expect(state.options).toBe(OPTIONS);
    expect(state.outcome.report).toMatchObject({ valid: 3, invalid: 0 });
    expect((await state.outcome.output.text()).trim().split('\n')).toHaveLength(3);
    await expect(state.outcome.checksums).resolves.toMatchObject({
      sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('keeps the outcome of the same file on screen while it converts again, never another file’s', async () => {
    const { hook } = render();
    const file = new File([csvOf(2)], 'devices.csv');
    act(() => hook.result.current.start(file, OPTIONS));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
    const first = hook.result.current.state;
    if (first.phase !== 'done') throw new Error('not done');

    act(() => hook.result.current.start(file, { ...OPTIONS, defaultStatus: 'disabled' }));
    expect(hook.result.current.state).toMatchObject({ phase: 'running', previous: first.outcome });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));

    act(() => hook.result.current.start(new File([csvOf(1)], 'other.csv'), OPTIONS));
    expect(hook.result.current.state).toMatchObject({ phase: 'running', previous: null });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
  });

  it('lets only the latest start win and closes the worker of the run it replaced', async () => {
    const { hook, workers } = render();
    act(() => hook.result.current.start(new File([csvOf(5)], 'a.csv'), OPTIONS));
    act(() => hook.result.current.start(new File([csvOf(2)], 'b.csv'), OPTIONS));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('done'));
    const state = hook.result.current.state;
    expect(state.phase === 'done' && state.outcome.report.valid).toBe(2);
    expect(workers.started()).toBe(2);
    expect(workers.terminated()).toBeGreaterThanOrEqual(1);
  });

  it('says cancelled on cancel, and the cancelled run’s result never lands', async () => {
    const { hook, workers } = render();
    act(() => hook.result.current.start(new File([csvOf(50)], 'devices.csv'), OPTIONS));
    act(() => hook.result.current.cancel());
    expect(hook.result.current.state).toEqual({ phase: 'cancelled' });
    expect(workers.terminated()).toBe(1);
    // Long enough for an in-process conversion of 50 rows to have answered, had it been alive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.result.current.state).toEqual({ phase: 'cancelled' });
  });

  it('fails with the worker’s coded error for a file the browser cannot read', async () => {
    const unreadable = (file: Blob): Blob =>
      Object.defineProperty(file, 'slice', {
        value: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
      });
    const { hook } = render(unreadable);
    act(() => hook.result.current.start(new File([csvOf(2)], 'devices.csv'), OPTIONS));
    await waitFor(() => expect(hook.result.current.state.phase).toBe('failed'));
    expect(hook.result.current.state).toMatchObject({
      phase: 'failed',
      error: { code: 'FILE_UNREADABLE' },
    });
  });

  it('goes back to idle on reset, and closes the worker on unmount', async () => {
    const { hook, workers } = render();
    act(() => hook.result.current.start(new File([csvOf(2)], 'devices.csv'), OPTIONS));
    act(() => hook.result.current.reset());
    expect(hook.result.current.state).toEqual({ phase: 'idle' });
    act(() => hook.result.current.start(new File([csvOf(2)], 'devices.csv'), OPTIONS));
    hook.unmount();
    expect(workers.terminated()).toBe(2);
  });
});
