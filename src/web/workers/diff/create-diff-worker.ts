import type { WorkerFactory } from '../channel/worker-channel';

export const createDiffWorker: WorkerFactory = () =>
  new Worker(new URL('./diff-worker.ts', import.meta.url), { type: 'module' });
