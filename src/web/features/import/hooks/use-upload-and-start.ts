import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { CreateImportRequest, CreateRunRequest } from '../../../../contracts/api';
import { activeJobIdOf, isApiError } from '../../../lib/api-error';
import { enqueueImport } from '../../../lib/queue/enqueue-import';
import { createRun } from '../../../lib/queue/runs';
import { useSlotWait } from '../../../lib/use-slot-wait';
import { createImport } from '../api/create-import';
import { startImport } from '../../../lib/start-import';
import { uploadBlobs } from '../api/upload-blobs';
import type { UploadOptions, UploadProgress } from '../api/upload-blobs';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'checksums' }
  | { phase: 'preparing' }
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'starting'; operationId: string }
  | {
      phase: 'slot-busy';
      operationId: string;
      activeJobId: string | null;
      autoStart: boolean;
      queueing?: boolean;
      queueError?: unknown;
    }
  | {
      phase: 'failed';
      stage: 'prepare' | 'upload' | 'start' | 'split';
      error: unknown;
      operationId?: string;
    };

export interface UploadInput {
  /** Waits for the conversion's checksums, which the audit log records with the request. */
  request: Promise<CreateImportRequest>;
  converted: Blob;
  source: File;
  /**
   * What the hub holds before the import (keys included) and the import that undoes it, kept
   * with the operation for admins; the request asked for their grants (`backup`).
   */
  backup?: { snapshot: Blob; undo: Blob };
  /** Import in chunks: after the upload the server splits the file into a run of queued jobs. */
  chunks?: CreateRunRequest;
}

/**
 * Create the operation, upload both blobs, start the job, land on its page; wait for a busy slot if
 * asked. `createUploader` is for tests in Node, where the storage SDK uploads a Buffer, not a Blob.
 */
export function useUploadAndStart(createUploader?: UploadOptions['createUploader']) {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  // Survives the brief 'starting' phase between two attempts, so a queued start stays queued.
  const autoStartRef = useRef(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const start = useCallback(
    async (operationId: string) => {
      setState({ phase: 'starting', operationId });
      try {
        const { job } = await startImport(operationId);
        void queryClient.invalidateQueries({ queryKey: ['jobs'] });
        if (job.jobId) navigate(`/jobs/${encodeURIComponent(job.jobId)}`);
        else navigate('/jobs');
      } catch (error) {
        const activeJobId = activeJobIdOf(error);
        if (activeJobId !== null || (error as { code?: unknown }).code === 'JOB_SLOT_BUSY') {
          setState({
            phase: 'slot-busy',
            operationId,
            activeJobId,
            autoStart: autoStartRef.current,
          });
        } else {
          setState({ phase: 'failed', stage: 'start', error, operationId });
        }
      }
    },
    [navigate, queryClient],
  );

  const run = useCallback(
    async ({ request, converted, source, backup, chunks }: UploadInput) => {
      const controller = new AbortController();
      abortRef.current = controller;
      setState({ phase: 'checksums' });
      let operationId: string;
      let uploads: Awaited<ReturnType<typeof createImport>>['uploads'];
      try {
        const ready = await request;
        setState({ phase: 'preparing' });
        ({ operationId, uploads } = await createImport(ready, controller.signal));
      } catch (error) {
        setState({ phase: 'failed', stage: 'prepare', error });
        return;
      }
      const items = [
        { url: uploads.devices.url, data: converted, contentType: 'application/x-ndjson' },
        {
          url: uploads.source.url,
          data: source,
          contentType: source.type || 'application/octet-stream',
        },
      ];
      // The backup goes up before the job can start: an import that changes devices never runs
      // without the way back stored.
      if (backup && uploads.backup && uploads.undo)
        items.push(
          { url: uploads.backup.url, data: backup.snapshot, contentType: 'application/x-ndjson' },
          { url: uploads.undo.url, data: backup.undo, contentType: 'application/x-ndjson' },
        );
      try {
        await uploadBlobs(items, {
          signal: controller.signal,
          onProgress: (progress) => setState({ phase: 'uploading', progress }),
          createUploader,
        });
      } catch (error) {
        setState({ phase: 'failed', stage: 'upload', error, operationId });
        return;
      }
      if (!chunks) {
        await start(operationId);
        return;
      }
      // The server splits the uploaded file and queues the chunks; the run page follows them.
      setState({ phase: 'starting', operationId });
      try {
        const run = await createRun(operationId, chunks);
        void queryClient.invalidateQueries({ queryKey: ['queue'] });
        void queryClient.invalidateQueries({ queryKey: ['jobs'] });
        navigate(`/runs/${encodeURIComponent(run.runId)}`);
      } catch (error) {
        setState({ phase: 'failed', stage: 'split', error });
      }
    },
    [start, createUploader, navigate, queryClient],
  );

  // The server's queue replaces waiting in this tab: the job page shows the position from there.
  const queue = useCallback(
    async (operationId: string) => {
      setState((previous) =>
        previous.phase === 'slot-busy'
          ? { ...previous, queueing: true, queueError: null }
          : previous,
      );
      try {
        await enqueueImport(operationId);
      } catch (error) {
        if (!(isApiError(error) && error.code === 'ALREADY_QUEUED')) {
          setState((previous) =>
            previous.phase === 'slot-busy'
              ? { ...previous, queueing: false, queueError: error }
              : previous,
          );
          return;
        }
      }
      void queryClient.invalidateQueries({ queryKey: ['queue'] });
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      navigate(`/jobs/${encodeURIComponent(operationId)}`);
    },
    [navigate, queryClient],
  );

  const cancelUpload = useCallback(() => abortRef.current?.abort(), []);

  const setAutoStart = useCallback((autoStart: boolean) => {
    autoStartRef.current = autoStart;
    setState((previous) =>
      previous.phase === 'slot-busy' ? { ...previous, autoStart } : previous,
    );
  }, []);

  // With auto-start on, the start fires as soon as the hub's slot frees.
  const waitingOperation =
    state.phase === 'slot-busy' && state.autoStart ? state.operationId : null;
  const startWaiting = useCallback(() => {
    if (waitingOperation) void start(waitingOperation);
  }, [waitingOperation, start]);
  useSlotWait(waitingOperation !== null, startWaiting);

  useEffect(() => () => abortRef.current?.abort(), []);

  return { state, run, start, queue, cancelUpload, setAutoStart };
}
