import type { WorkerFactory } from '../channel/worker-channel';

export const createRegistryWorker: WorkerFactory = () =>
  new Worker(new URL('./registry-worker.ts', import.meta.url), { type: 'module' });
