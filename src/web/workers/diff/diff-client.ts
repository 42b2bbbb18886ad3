import { FromDiffWorker, type ToDiffWorker } from '../../../contracts/worker/diff-messages';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';
import type { WorkerError } from '../channel/worker-error';
import { createDiffWorker } from './create-diff-worker';

export type DiffDone = Extract<FromDiffWorker, { type: 'diff-done' }>;
export type PlanDone = Extract<FromDiffWorker, { type: 'plan-done' }>;
export type DescribeRow = Extract<FromDiffWorker, { type: 'describe-done' }>['rows'][number];
export type DiffProgress = Extract<FromDiffWorker, { type: 'progress' }>;
export type DiffRunOptions = Extract<ToDiffWorker, { type: 'diff' }>['options'];

export interface DiffClient {
  diff(a: Blob, b: Blob, options: DiffRunOptions): Promise<DiffDone>;
  describe(id: string, moduleId?: string): Promise<DescribeRow[]>;
  plan(): Promise<PlanDone>;
  download(format: 'csv' | 'json'): Promise<Blob>;
  close(): void;
}

/** The main-thread side of the diff: Blobs go in once, then only small questions and answers. */
export function createDiffClient(
  onProgress: (progress: DiffProgress) => void,
  onFailure: (error: WorkerError) => void,
  create: WorkerFactory = createDiffWorker,
): DiffClient {
  const channel = createWorkerChannel({
    create,
    schema: FromDiffWorker,
    isAnswer: (m) => m.type !== 'progress',
    onEvent: (m) => {
      if (m.type === 'progress') onProgress(m);
    },
    onFailure,
  });
  return {
    diff: (a, b, options) =>
      channel.ask(
        (requestId): ToDiffWorker => ({ type: 'diff', requestId, a, b, options }),
        'diff-done',
      ),
    async describe(id, moduleId) {
      const build = (requestId: string): ToDiffWorker =>
        moduleId === undefined
          ? { type: 'describe', requestId, id }
          : { type: 'describe', requestId, id, moduleId };
      return (await channel.ask(build, 'describe-done')).rows;
    },
    plan: () =>
      channel.ask((requestId): ToDiffWorker => ({ type: 'plan', requestId }), 'plan-done'),
    async download(format) {
      const answer = await channel.ask(
        (requestId): ToDiffWorker => ({ type: 'download', requestId, format }),
        'download-done',
      );
      return answer.file;
    },
    close: () => channel.close(),
  };
}
