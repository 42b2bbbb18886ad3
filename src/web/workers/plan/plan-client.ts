import { FromPlanWorker, type ToPlanWorker } from '../../../contracts/worker/plan-messages';
import { createWorkerChannel, type WorkerFactory } from '../../lib/registry-worker/worker-channel';

// The main-thread side of the plan worker: the two files go in once, then only pages, the undo
// file and the outcome check come back (contracts/worker/plan-messages.ts).

export type PlanDone = Extract<FromPlanWorker, { type: 'plan-done' }>;
export type PlanProgress = Extract<FromPlanWorker, { type: 'progress' }>;
export type PlanRowsDone = Extract<FromPlanWorker, { type: 'rows-done' }>;
export type UndoDone = Extract<FromPlanWorker, { type: 'undo-done' }>;
export type CheckDone = Extract<FromPlanWorker, { type: 'check-done' }>;
export type PlanRunOptions = Extract<ToPlanWorker, { type: 'plan' }>['options'];
export type RowsQuery = Omit<Extract<ToPlanWorker, { type: 'rows' }>, 'type' | 'requestId'>;

export const createPlanWorker: WorkerFactory = () =>
  new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module' });

export interface PlanClient {
  /** `hubDevices`: the hub's device count now, when known (see effective-device-cap.ts). */
  plan(
    importFile: Blob,
    registry: Blob,
    options: PlanRunOptions,
    hubDevices?: number,
  ): Promise<PlanDone>;
  rows(query: RowsQuery): Promise<PlanRowsDone>;
  undo(): Promise<UndoDone>;
  check(errorLog: Blob): Promise<CheckDone>;
  close(): void;
}

function expect<T extends FromPlanWorker['type']>(
  message: FromPlanWorker,
  type: T,
): Extract<FromPlanWorker, { type: T }> {
  if (message.type !== type)
    throw new Error(`Unexpected answer from the plan worker: ${message.type}`);
  return message as Extract<FromPlanWorker, { type: T }>;
}

export function createPlanClient(
  onProgress: (progress: PlanProgress) => void,
  onCrash: (message: string) => void,
  createWorker: WorkerFactory = createPlanWorker,
): PlanClient {
  const channel = createWorkerChannel({
    schema: FromPlanWorker,
    isAnswer: (m) => m.type !== 'progress',
    errorOf: (m) => (m.type === 'failed' ? m.error.message : null),
    onEvent: (m) => {
      if (m.type === 'progress') onProgress(m);
    },
    onCrash,
    createWorker,
  });
  const ask = <T extends FromPlanWorker['type']>(
    type: T,
    build: (requestId: string) => ToPlanWorker,
  ): Promise<Extract<FromPlanWorker, { type: T }>> =>
    channel.request(build).then((answer) => expect(answer, type));
  return {
    plan: (importFile, registry, options, hubDevices) =>
      ask('plan-done', (requestId) => ({
        type: 'plan',
        requestId,
        importFile,
        registry,
        options,
        ...(hubDevices === undefined ? {} : { hubDevices }),
      })),
    rows: (query) => ask('rows-done', (requestId) => ({ type: 'rows', requestId, ...query })),
    undo: () => ask('undo-done', (requestId) => ({ type: 'undo', requestId })),
    check: (errorLog) => ask('check-done', (requestId) => ({ type: 'check', requestId, errorLog })),
    close: () => channel.close(),
  };
}
