import { FromPlanWorker, type ToPlanWorker } from '../../../contracts/worker/plan-messages';
import { createWorkerChannel, type WorkerFactory } from '../channel/worker-channel';
import type { WorkerError } from '../channel/worker-error';
import { createPlanWorker } from './create-plan-worker';

// The main-thread side of the plan worker: the two files go in once, then only pages, the undo
// file and the outcome check come back (contracts/worker/plan-messages.ts).

export type PlanDone = Extract<FromPlanWorker, { type: 'plan-done' }>;
export type PlanProgress = Extract<FromPlanWorker, { type: 'progress' }>;
export type PlanRowsDone = Extract<FromPlanWorker, { type: 'rows-done' }>;
export type UndoDone = Extract<FromPlanWorker, { type: 'undo-done' }>;
export type CheckDone = Extract<FromPlanWorker, { type: 'check-done' }>;
export type PlanRunOptions = Extract<ToPlanWorker, { type: 'plan' }>['options'];
export type RowsQuery = Omit<Extract<ToPlanWorker, { type: 'rows' }>, 'type' | 'requestId'>;

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

export function createPlanClient(
  onProgress: (progress: PlanProgress) => void,
  onFailure: (error: WorkerError) => void,
  create: WorkerFactory = createPlanWorker,
): PlanClient {
  const channel = createWorkerChannel({
    create,
    schema: FromPlanWorker,
    isAnswer: (m) => m.type !== 'progress',
    onEvent: (m) => {
      if (m.type === 'progress') onProgress(m);
    },
    onFailure,
  });
  return {
    plan: (importFile, registry, options, hubDevices) =>
      channel.ask(
        (requestId): ToPlanWorker => ({
          type: 'plan',
          requestId,
          importFile,
          registry,
          options,
          ...(hubDevices === undefined ? {} : { hubDevices }),
        }),
        'plan-done',
      ),
    rows: (query) =>
      channel.ask(
        (requestId): ToPlanWorker => ({ type: 'rows', requestId, ...query }),
        'rows-done',
      ),
    undo: () =>
      channel.ask((requestId): ToPlanWorker => ({ type: 'undo', requestId }), 'undo-done'),
    check: (errorLog) =>
      channel.ask(
        (requestId): ToPlanWorker => ({ type: 'check', requestId, errorLog }),
        'check-done',
      ),
    close: () => channel.close(),
  };
}
