import { FromDiffWorker, type ToDiffWorker } from '../../../contracts/worker/diff-messages';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';

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

function expect<T extends FromDiffWorker['type']>(
  message: FromDiffWorker,
  type: T,
): Extract<FromDiffWorker, { type: T }> {
  if (message.type !== type)
    throw new Error(`Unexpected answer from the diff worker: ${message.type}`);
  return message as Extract<FromDiffWorker, { type: T }>;
}

/** The main-thread side of the diff: Blobs go in once, then only small questions and answers. */
export function createDiffClient(
  onProgress: (progress: DiffProgress) => void,
  onCrash: (message: string) => void,
  createWorker?: WorkerFactory,
): DiffClient {
  const channel = createWorkerChannel({
    schema: FromDiffWorker,
    isAnswer: (m) => m.type !== 'progress',
    errorOf: (m) => (m.type === 'failed' ? m.error.message : null),
    onEvent: (m) => {
      if (m.type === 'progress') onProgress(m);
    },
    onCrash,
    ...(createWorker ? { createWorker } : {}),
  });
  return {
    async diff(a, b, options) {
      return expect(
        await channel.request((requestId): ToDiffWorker => ({
          type: 'diff',
          requestId,
          a,
          b,
          options,
        })),
        'diff-done',
      );
    },
    async describe(id, moduleId) {
      const build = (requestId: string): ToDiffWorker =>
        moduleId === undefined
          ? { type: 'describe', requestId, id }
          : { type: 'describe', requestId, id, moduleId };
      return expect(await channel.request(build), 'describe-done').rows;
    },
    async plan() {
      return expect(
        await channel.request((requestId): ToDiffWorker => ({ type: 'plan', requestId })),
        'plan-done',
      );
    },
    async download(format) {
      return expect(
        await channel.request((requestId): ToDiffWorker => ({
          type: 'download',
          requestId,
          format,
        })),
        'download-done',
      ).file;
    },
    close: () => channel.close(),
  };
}
