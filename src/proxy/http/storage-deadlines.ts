import type { TableServiceClientOptions } from '@azure/data-tables';
import type { RequestPolicyFactory, WebResource } from '@azure/storage-blob';
import type { ProxyLog } from './request-log';

// How long the proxy waits for storage. The SDKs' defaults wait for ever on a connection that
// accepts and never answers, and retry a refused one for ~16 s (4 tries, 4 s exponential delay);
// a browser waiting on a poll needs an answer in seconds. So each try gets a deadline until the
// response headers arrive (the body of a long download streams on without one), there are at most
// two tries, and every failed call is logged once with the service, the call (method and path,
// never the query or a header, so no SAS or key) and why (error code, HTTP status or TIMEOUT).

export interface StorageDeadlines {
  /**
   * Per try, until the response headers; 5 s by default: Azurite on a loaded 2-core machine and
   * the real service at its slowest both answer well within it.
   */
  tryTimeoutMs: number;
  /** Tries per call, the first included; 2 by default. */
  maxTries: number;
}

export const DEFAULT_STORAGE_DEADLINES: StorageDeadlines = { tryTimeoutMs: 5_000, maxTries: 2 };

/** Retry delays for the tries after the first: short, since the caller is waiting. */
export const STORAGE_RETRY_DELAY = { retryDelayInMs: 200, maxRetryDelayInMs: 1_000 } as const;

type Service = 'blob' | 'table';
// @azure/core-rest-pipeline's policy type, reached through the table client's options because that
// package is only a dependency of the SDKs, not of ours.
type TablePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

function failureCode(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'TIMEOUT';
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code) return code;
  return error instanceof Error ? error.name : 'UNKNOWN';
}

const isVerdict = (status: number): boolean =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

async function observed<T extends { status: number }>(
  service: Service,
  call: { method: string; url: string },
  deadlines: StorageDeadlines,
  log: ProxyLog,
  send: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const entry = (why: Record<string, unknown>) => ({
    level: 'warn',
    msg: 'storage call failed',
    service,
    call: `${call.method} ${new URL(call.url).pathname}`,
    ms: Math.round(performance.now() - started),
    ...why,
  });
  try {
    const response = await send();
    // 4xx answers are the service's verdict on a request (404 is how "not there" is learnt).
    if (response.status >= 500 || response.status === 429) {
      const code = response.status === 429 ? 'THROTTLED' : 'SERVER_ERROR';
      log(entry({ code, status: response.status }));
    }
    return response;
  } catch (error) {
    const timedOut = performance.now() - started >= deadlines.tryTimeoutMs;
    const status = (error as { statusCode?: unknown }).statusCode;
    // The table SDK throws its 4xx answers inside the pipeline (the blob SDK returns them): a 404
    // there is "not there", not a failed call. Timeouts and throttling still warn.
    if (typeof status === 'number' && isVerdict(status) && !timedOut) throw error;
    log(
      entry({
        code: failureCode(error, timedOut),
        ...(typeof status === 'number' ? { status } : {}),
      }),
    );
    throw error;
  }
}

/**
 * For @azure/storage-blob, whose pipeline takes request policy factories: runs once per call,
 * before the retry policy, which sends this same request (and so this timeout) on every try.
 */
export function blobDeadlinePolicy(
  deadlines: StorageDeadlines,
  log: ProxyLog,
): RequestPolicyFactory {
  return {
    create: (next) => ({
      sendRequest: (request: WebResource) => {
        request.timeout = deadlines.tryTimeoutMs;
        return observed('blob', request, deadlines, log, () => next.sendRequest(request));
      },
    }),
  };
}

/** For @azure/data-tables: a per-call policy, ahead of the retry policy as for blobs. */
export function tableDeadlinePolicy(deadlines: StorageDeadlines, log: ProxyLog): TablePolicy {
  return {
    name: 'proxyStorageDeadline',
    sendRequest: (request, next) => {
      request.timeout = deadlines.tryTimeoutMs;
      return observed('table', request, deadlines, log, () => next(request));
    },
  };
}
