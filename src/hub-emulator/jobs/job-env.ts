import type { RegistryContext } from '../registry/apply-import-operation';
import type { HubStore } from '../store/hub-store';
import type { OpenContainer } from './blob-clients';

// What a job runner needs from the scheduler.
export interface JobEnv {
  store: HubStore;
  registry: (now: Date) => RegistryContext;
  batchSize: number;
  /** Devices per second; undefined = as fast as possible. */
  pace: number | undefined;
  /**
   * 'recorded' keeps progress at 0 until the end, as small live jobs showed
   * (docs/reference/hub-wire-contract.md#recorded-traffic).
   */
  progressMode: 'per-batch' | 'recorded';
  clock: () => Date;
  /** Steady milliseconds for pacing only (HubEmulatorOptions.pacingTimer). */
  pacingTimer: () => number;
  /** A job's containers, by SAS or by the hub's own identity (blob-clients.ts). */
  openContainer: OpenContainer;
  isCancelled: () => boolean;
}

export type RunOutcome = 'completed' | 'cancelled';

/**
 * Batch size honouring the pace limit: about five batches a second keeps cancel and progress
 * lively.
 */
export function effectiveBatchSize(env: JobEnv): number {
  return env.pace ? Math.max(1, Math.min(env.batchSize, Math.floor(env.pace / 5))) : env.batchSize;
}

/**
 * Sleeps until `done` items fit the pace limit measured from `startedAt` (read from
 * `env.pacingTimer`). Without a pace it still yields one macrotask: a buffered blob stream
 * otherwise keeps the loop in microtasks and the server could not answer a GET /jobs poll until the
 * whole import ended.
 */
export async function waitForPace(
  env: Pick<JobEnv, 'pace' | 'pacingTimer'>,
  startedAt: number,
  done: number,
): Promise<void> {
  if (!env.pace) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  const due = startedAt + (done / env.pace) * 1000;
  const wait = due - env.pacingTimer();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

export function progressOf(env: JobEnv, done: number, total: number): number {
  if (env.progressMode === 'recorded' || total <= 0) return 0;
  return Math.min(99, Math.floor((done / total) * 100));
}
