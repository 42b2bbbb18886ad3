import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { HubInfoResponse } from '../../../../../../src/contracts/api';
import {
  useUploadAndStart,
  type UploadInput,
  type UploadState,
} from '../../../../../../src/web/features/import/hooks/use-upload-and-start';
import { apiRequest } from '../../../../../../src/web/lib/api-client';
import {
  deviceLines,
  importRequestFor,
} from '../../../../../integration/proxy/support/import-fixture';
import { useProxyAs } from '../../../../support/api-client-against-proxy';
import { nodeBlockUploader } from '../../../../support/node-block-uploader';

// The upload-and-start state machine against a real proxy, Azurite and hub
// (tests/component/support/proxy-stack-setup.ts; the hub is paced at 200 devices a second): create
// the operation, upload both blobs, start the job and land on its page; or stop at the stage that
// failed, say the slot is busy and queue or wait for it.

let prefix = 0;

/** An upload input for `count` new devices, the request's checksums true unless `claimed` says. */
function inputOf(count: number, claimed?: string): UploadInput {
  const devices = `${deviceLines(`up${++prefix}`, count)}\n`;
  const source = `id\n${Array.from({ length: count }, (_, i) => `up${prefix}-${i}`).join('\n')}\n`;
  return {
    request: Promise.resolve(importRequestFor(claimed ?? devices, source)),
    converted: new Blob([devices], { type: 'application/x-ndjson' }),
    source: new File([source], 'devices.csv', { type: 'text/csv' }),
  };
}

function render() {
  const paths: string[] = [];
  const phases: UploadState['phase'][] = [];
  /** Every upload progress the hook rendered, in order (a poll from the test could miss them). */
  const uploaded: number[] = [];
  const client = new QueryClient();
  function Path() {
    const { pathname } = useLocation();
    if (paths.at(-1) !== pathname) paths.push(pathname);
    return null;
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/import']}>
        <Path />
        {children}
      </MemoryRouter>
    </QueryClientProvider>
  );
  const hook = renderHook(
    () => {
      const upload = useUploadAndStart(nodeBlockUploader);
      if (phases.at(-1) !== upload.state.phase) phases.push(upload.state.phase);
      if (upload.state.phase === 'uploading') uploaded.push(upload.state.progress.loadedBytes);
      return upload;
    },
    { wrapper },
  );
  return { hook, paths, phases, uploaded };
}

async function hubIsIdle(): Promise<void> {
  await waitFor(
    async () => {
      const hub = await apiRequest('/api/hub', HubInfoResponse);
      expect(hub.activeJob).toBeNull();
    },
    { timeout: 60_000, interval: 250 },
  );
}

/** Runs an upload to its first stop: a page navigated to, a failure or a busy slot. */
async function runToStop(hook: ReturnType<typeof render>['hook'], input: UploadInput) {
  let run: Promise<void> = Promise.resolve();
  act(() => {
    run = hook.result.current.run(input);
  });
  await act(() => run);
  return hook.result.current.state;
}

/** Starts a thousand-device import, which holds the hub's slot for about five seconds. */
async function occupySlot(): Promise<string> {
  const { hook, paths } = render();
  await runToStop(hook, inputOf(1000));
  const jobPath = paths.at(-1) ?? '';
  expect(jobPath).toMatch(/^\/jobs\//);
  return decodeURIComponent(jobPath.slice('/jobs/'.length));
}

beforeEach(async () => {
  useProxyAs('admin');
  await hubIsIdle();
});

afterAll(async () => {
  useProxyAs('admin');
  await hubIsIdle();
});

describe('useUploadAndStart', () => {
  it('creates, uploads with progress, starts and lands on the job’s page', async () => {
    const { hook, paths, phases, uploaded } = render();
    const input = inputOf(3);
    let run: Promise<void> = Promise.resolve();
    act(() => {
      run = hook.result.current.run(input);
    });
    expect(hook.result.current.state).toEqual({ phase: 'checksums' });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('starting'));
    await act(() => run);
    expect(phases).toEqual(['idle', 'checksums', 'preparing', 'uploading', 'starting']);
    const total = input.converted.size + input.source.size;
    expect(uploaded.length).toBeGreaterThan(0);
    expect(uploaded.at(-1)).toBeLessThanOrEqual(total);
    expect(paths).toHaveLength(2);
    expect(paths[1]).toMatch(/^\/jobs\/[^/]+$/);
  });

  it('stops at prepare when the checksums fail, and at prepare with the proxy’s code', async () => {
    const { hook } = render();
    const failing = { ...inputOf(1), request: Promise.reject(new Error('hash worker crashed')) };
    expect(await runToStop(hook, failing)).toMatchObject({
      phase: 'failed',
      stage: 'prepare',
      error: { message: 'hash worker crashed' },
    });
    useProxyAs('no-role');
    expect(await runToStop(hook, inputOf(1))).toMatchObject({
      phase: 'failed',
      stage: 'prepare',
      error: { code: 'FORBIDDEN', status: 403 },
    });
  });

  it('stops at upload when cancelled, keeping the operation it made', async () => {
    const { hook, paths } = render();
    let run: Promise<void> = Promise.resolve();
    act(() => {
      run = hook.result.current.run(inputOf(20_000));
    });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('uploading'));
    act(() => hook.result.current.cancelUpload());
    await act(() => run);
    expect(hook.result.current.state).toMatchObject({
      phase: 'failed',
      stage: 'upload',
      operationId: expect.stringMatching(/^import-/),
      error: { name: 'AbortError' },
    });
    expect(paths).toEqual(['/import']);
  });

  it('stops at start with the proxy’s code when the uploaded file is not the one claimed', async () => {
    const { hook, paths } = render();
    const state = await runToStop(hook, inputOf(2, `${deviceLines('claimed', 2)}\n`));
    expect(state).toMatchObject({
      phase: 'failed',
      stage: 'start',
      operationId: expect.stringMatching(/^import-/),
      error: { code: 'CONVERTED_FILE_MISMATCH', status: 409 },
    });
    expect(paths).toEqual(['/import']);
  });

  it('says the slot is busy with the job that holds it, and queues on the server', async () => {
    const activeJobId = await occupySlot();
    const { hook, paths } = render();
    const state = await runToStop(hook, inputOf(2));
    expect(state).toMatchObject({ phase: 'slot-busy', activeJobId, autoStart: false });
    if (state.phase !== 'slot-busy') throw new Error('not busy');
    await act(() => hook.result.current.queue(state.operationId));
    expect(paths.at(-1)).toBe(`/jobs/${encodeURIComponent(state.operationId)}`);
  });

  it('starts by itself when the slot frees, with auto-start on', async () => {
    await occupySlot();
    const { hook, paths } = render();
    expect((await runToStop(hook, inputOf(2))).phase).toBe('slot-busy');
    act(() => hook.result.current.setAutoStart(true));
    expect(hook.result.current.state).toMatchObject({ phase: 'slot-busy', autoStart: true });
    await waitFor(() => expect(paths.at(-1)).toMatch(/^\/jobs\//), { timeout: 30_000 });
  });
});
