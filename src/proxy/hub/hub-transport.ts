import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { fetch, type Dispatcher } from 'undici';
import { parseHubConnectionString } from './connection-string';
import { entraAuthorization, sasAuthorization, type HubAuthorization } from './hub-authorization';
import { HubRequestError, parseHubErrorBody } from './hub-errors';

// The one door to the hub's REST API. Hardening after azure-iot-explorer's outbound requests: the
// host comes only from configuration, every path segment is encoded on its own, header values are
// checked for CR/LF, redirects are errors, every call has a timeout, and only idempotent-safe
// failures retry.

export const HUB_API_VERSION = '2021-04-12';

/**
 * How the proxy proves itself to the hub: a shared access policy's connection string, or the hub's
 * host name and an Entra credential (a managed identity in Azure) holding an IoT Hub data role.
 */
export type HubAccess =
  { connectionString: string } | { hostName: string; credential: TokenCredential };

export type HubTransportOptions = HubAccess & {
  apiVersion?: string;
  dispatcher?: Dispatcher;
  now: () => Date;
  timeoutMs?: number;
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /**
   * The longest `Retry-After` of a 429 the transport waits out (default 10 s); the hub asking
   * for longer fails the call at once instead of holding it.
   */
  maxRetryAfterMs?: number;
};

export interface HubCall {
  method: 'GET' | 'POST' | 'DELETE';
  /**
   * Raw path segments; each is percent-encoded separately, so an id can never add a segment or a
   * query.
   */
  segments: readonly string[];
  body?: unknown;
  /**
   * POST /jobs/create is not idempotent: a retry after the hub accepted the first attempt would
   * start a
   * second job. It is retried only on 429, which the hub answers before doing any work.
   */
  idempotent: boolean;
  /**
   * Request headers of the call's own protocol (the query's `x-ms-max-item-count` and
   * `x-ms-continuation`); checked for CR/LF like every other header.
   */
  headers?: Readonly<Record<string, string>>;
}

export interface HubResponse {
  status: number;
  body: unknown;
  /** Response headers, names lower-case (the query's continuation comes in one). */
  headers?: Readonly<Record<string, string>>;
}

export interface HubTransport {
  hostName: string;
  send(call: HubCall): Promise<HubResponse>;
}

export function createHubTransport(options: HubTransportOptions): HubTransport {
  const { hostName, authorization } = accessOf(options);
  const base = new URL(`https://${hostName}`);
  const apiVersion = options.apiVersion ?? HUB_API_VERSION;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
  // A 429's Retry-After, kept beside the error: hub-errors.ts stays a pure body parser.
  const retryAfter = new WeakMap<HubRequestError, number>();

  async function attempt(call: HubCall): Promise<HubResponse> {
    const url = new URL(`/${call.segments.map((s) => encodeURIComponent(s)).join('/')}`, base);
    url.searchParams.set('api-version', apiVersion);
    if (url.host !== base.host)
      throw new HubRequestError(
        0,
        'HostMismatch',
        'refusing to call a host other than the configured hub',
      );
    const headers: Record<string, string> = {
      ...call.headers,
      authorization: await authorization(),
      accept: 'application/json',
      'request-id': randomUUID(),
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    for (const value of Object.values(headers)) {
      if (/[\r\n]/.test(value))
        throw new HubRequestError(0, 'InvalidHeader', 'header value contains CR or LF');
    }
    let response;
    try {
      response = await fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
    } catch (error) {
      throw new HubRequestError(
        0,
        'NetworkError',
        error instanceof Error ? error.message : String(error),
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const error = parseHubErrorBody(
        response.status,
        response.headers.get('iothub-errorcode'),
        text,
      );
      const wait =
        response.status === 429
          ? retryAfterMsOf(response.headers.get('retry-after'), options.now())
          : undefined;
      if (wait !== undefined) {
        retryAfter.set(error, wait);
        // The job monitor waits out a longer ask than this transport does (monitor/poll-delay.ts).
        error.retryAfterMs = wait;
      }
      throw error;
    }
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: Object.fromEntries(response.headers),
    };
  }

  function retryable(error: unknown, call: HubCall): boolean {
    if (!(error instanceof HubRequestError)) return false;
    if (error.status === 429) return true;
    if (!call.idempotent) return false;
    return error.status >= 500 || error.hubCode === 'NetworkError';
  }

  return {
    hostName,
    async send(call) {
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(call);
        } catch (error) {
          if (retry >= maxRetries || !retryable(error, call)) throw error;
          // The hub's Retry-After when it sent one (the emulator can; the live hub was seen
          // without, docs/reference/hub-wire-contract.md#limits), else exponential backoff with
          // full jitter: 200 ms, 400 ms, 800 ms ceilings.
          const asked = error instanceof HubRequestError ? retryAfter.get(error) : undefined;
          if (asked !== undefined && asked > maxRetryAfterMs) throw error;
          await sleep(asked ?? Math.round(random() * 200 * 2 ** retry));
        }
      }
    },
  };
}

const HOST_NAME = /^[a-zA-Z0-9_\-.]+(:[0-9]{1,5})?$/;

function accessOf(options: HubTransportOptions): {
  hostName: string;
  authorization: HubAuthorization;
} {
  if ('connectionString' in options) {
    const credentials = parseHubConnectionString(options.connectionString);
    return {
      hostName: credentials.hostName,
      authorization: sasAuthorization(credentials, options.now),
    };
  }
  if (!HOST_NAME.test(options.hostName))
    throw new Error(`hub host name: '${options.hostName}' is not a host name`);
  return {
    hostName: options.hostName,
    authorization: entraAuthorization(options.credential, { now: options.now }),
  };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or bad. */
function retryAfterMsOf(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
