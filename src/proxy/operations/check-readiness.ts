import type { ProxyLog } from '../http/request-log';
import { StorageError } from '../storage/storage-error';

// Readiness: can this instance do its job right now? It needs blob storage (the operations'
// containers), Table Storage (the operations index) and the hub. Each is probed with the cheapest
// call that proves it answers, under a deadline, all three at once. Probes are unauthenticated and
// may come often (a load balancer, an attacker), so concurrent callers share one run and a result
// is reused for a moment. The answer names what failed and nothing else; the log says why.

export const READINESS_CHECKS = ['storage', 'table', 'hub'] as const;
export type ReadinessCheck = (typeof READINESS_CHECKS)[number];

export interface Readiness {
  failed: ReadinessCheck[];
}

export interface ReadinessOptions {
  /** Per probe; a probe still running then counts as failed. */
  deadlineMs: number;
  /** How long one result answers every caller. */
  reuseMs: number;
  log: ProxyLog;
}

function reasonOf(error: unknown): string {
  if (error instanceof StorageError) return `${error.service} storage ${error.kind}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code) return code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}

async function withinDeadline(work: () => Promise<unknown>, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      deadlineMs,
    );
  });
  try {
    await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function createReadinessProbe(
  probes: Record<ReadinessCheck, () => Promise<unknown>>,
  options: ReadinessOptions,
): () => Promise<Readiness> {
  let last: { at: number; result: Promise<Readiness> } | undefined;
  const run = async (): Promise<Readiness> => {
    const outcomes = await Promise.all(
      READINESS_CHECKS.map(async (check) => {
        try {
          await withinDeadline(probes[check], options.deadlineMs);
          return undefined;
        } catch (error) {
          options.log({
            level: 'warn',
            msg: 'readiness check failed',
            check,
            reason: reasonOf(error),
          });
          return check;
        }
      }),
    );
    return { failed: outcomes.filter((check): check is ReadinessCheck => check !== undefined) };
  };
  return () => {
    const now = performance.now();
    if (!last || now - last.at > options.reuseMs) last = { at: now, result: run() };
    return last.result;
  };
}
