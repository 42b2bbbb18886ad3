import type { WorkerFactory } from '../channel/worker-channel';

export const createConversionWorker: WorkerFactory = () =>
  new Worker(new URL('./convert-worker.ts', import.meta.url), { type: 'module' });
