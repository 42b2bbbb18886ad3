import type { WorkerFactory } from '../channel/worker-channel';

export const createErrorLogWorker: WorkerFactory = () =>
  new Worker(new URL('./error-log-worker.ts', import.meta.url), { type: 'module' });
