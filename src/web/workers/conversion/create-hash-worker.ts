import type { WorkerFactory } from '../channel/worker-channel';

export const createHashWorker: WorkerFactory = () =>
  new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
