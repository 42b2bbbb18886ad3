import type { z } from 'zod';
import { ApiErrorBody } from '../../contracts/api';
import { ApiError, isApiErrorCode } from './api-error';

export type AccessTokenProvider = () => Promise<string>;

interface ClientSettings {
  getAccessToken: AccessTokenProvider | null;
  fetch: typeof fetch;
  /** Where the current hub's routes live (`/api/hubs/{hubId}`); `/api` serves the first hub. */
  hubApiBase: string;
}

// One client for every call to the proxy. The app shell installs the token provider once MSAL is
// ready (the auth feature owns MSAL); this module only attaches the bearer token and turns every
// failure into an ApiError. It never shows messages or navigates: callers decide. The app's router
// host sets the current hub's base, so the features name `/api/jobs` and reach that hub's jobs.
const settings: ClientSettings = {
  getAccessToken: null,
  fetch: (...args) => globalThis.fetch(...args),
  hubApiBase: '/api',
};

// The one route about the console rather than one hub. `/api/me` is per hub: the roles it names
// are the caller's roles on that hub.
const CONSOLE_WIDE_PATHS = new Set(['/api/hubs']);

/** `/api/jobs/7` -> `/api/hubs/hub-b/jobs/7` for the base `/api/hubs/hub-b`. */
export function scopeApiPath(path: string, hubApiBase: string): string {
  if (!path.startsWith('/api/') || hubApiBase === '/api') return path;
  const route = path.split(/[?#]/, 1)[0] ?? path;
  if (CONSOLE_WIDE_PATHS.has(route) || route.startsWith('/api/hubs/')) return path;
  return hubApiBase + path.slice('/api'.length);
}

export function configureApiClient(next: Partial<ClientSettings>): void {
  Object.assign(settings, next);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  // Scoped before the first await: a call belongs to the hub shown when it was made.
  const url = scopeApiPath(path, settings.hubApiBase);
  const headers = new Headers({ accept: 'application/json' });
  if (settings.getAccessToken)
    headers.set('authorization', `Bearer ${await settings.getAccessToken()}`);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await settings.fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      redirect: 'error',
    });
  } catch (error) {
    if ((error as { name?: unknown }).name === 'AbortError') throw error;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      status: 0,
      message: (error as Error).message || 'Network request failed',
    });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let parsed: ReturnType<typeof ApiErrorBody.safeParse> | null = null;
  try {
    parsed = ApiErrorBody.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed?.success) {
    const { code, message, requestId, details } = parsed.data.error;
    const status = response.status;
    return isApiErrorCode(code)
      ? new ApiError({ code, message, requestId, details, status })
      : new ApiError({
          code: 'UNKNOWN_SERVER_CODE',
          serverCode: code,
          message,
          requestId,
          details,
          status,
        });
  }
  return new ApiError({
    code: 'UNEXPECTED_RESPONSE',
    status: response.status,
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
  });
}

/** A JSON call whose answer is validated against the contract's schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const json: unknown = response.status === 204 ? {} : await response.json();
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new ApiError({
      code: 'UNEXPECTED_RESPONSE',
      status: response.status,
      message: `The server's answer to ${path} did not match the expected shape.`,
    });
  }
  return result.data;
}

/** A call whose body is not needed (e.g. DELETE). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  await response.body?.cancel();
}

/**
 * A streamed text file (errors log, source file): hands back the raw response for the caller to
 * read.
 */
export async function apiStream(path: string, signal?: AbortSignal): Promise<Response> {
  return send(path, { signal });
}

/** Encodes each path segment on its own, so an id can never add a segment or a query. */
export function apiPath(...segments: string[]): string {
  return '/api/' + segments.map((segment) => encodeURIComponent(segment)).join('/');
}
