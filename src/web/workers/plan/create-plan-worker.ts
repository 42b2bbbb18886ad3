import type { WorkerFactory } from '../channel/worker-channel';

export const createPlanWorker: WorkerFactory = () =>
  new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });
