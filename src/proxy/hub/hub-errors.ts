import { ApiError } from '../http/api-error';

// The hub answers errors in two envelopes (docs/reference/hub-wire-contract.md#error-envelopes):
// `{"Message":"ErrorCode:<Name>;<text>", "ExceptionMessage":"Tracking ID:..."}` and, newer,
// `{"errorCode":<number>,"message":...}`, the latter sometimes nested as a JSON string inside
// `Message`. The `iothub-errorcode` header names the code too.

export class HubRequestError extends Error {
  readonly status: number;
  /** The hub's error name (`JobQuotaExceeded`), or a synthetic one for transport failures. */
  readonly hubCode: string;
  /** A 429's Retry-After in ms, when the hub sent one (set by hub-transport.ts). */
  retryAfterMs: number | undefined;

  constructor(status: number, hubCode: string, message: string) {
    super(message);
    this.name = 'HubRequestError';
    this.status = status;
    this.hubCode = hubCode;
    this.retryAfterMs = undefined;
  }
}

export function parseHubErrorBody(
  status: number,
  headerCode: string | null,
  bodyText: string,
): HubRequestError {
  let code = headerCode ?? '';
  let message = bodyText.slice(0, 500);
  const body = tryJson(bodyText);
  if (isRecord(body)) {
    const raw =
      typeof body.Message === 'string'
        ? body.Message
        : typeof body.message === 'string'
          ? body.message
          : undefined;
    const nested = raw ? tryJson(raw) : undefined;
    if (isRecord(nested) && typeof nested.message === 'string') {
      message = nested.message;
    } else if (raw) {
      const match = /^ErrorCode:([A-Za-z0-9]+);([\s\S]*)$/.exec(raw);
      if (match?.[1]) {
        code ||= match[1];
        message = (match[2] ?? '').trim();
      } else {
        message = raw;
      }
    }
  }
  return new HubRequestError(status, code || `Http${status}`, message.split('\r\n')[0] ?? message);
}

/**
 * Maps a hub failure to the proxy's stable codes. Call sites refine the ones they expect
 * (JOB_SLOT_BUSY).
 */
export function toApiError(error: HubRequestError): ApiError {
  const text = `IoT Hub: ${error.message || error.hubCode}`;
  if (
    error.hubCode === 'JobQuotaExceeded' ||
    (error.status === 403 && /job/i.test(error.message))
  ) {
    return new ApiError(
      409,
      'JOB_SLOT_BUSY',
      'Another import or export job is already running on the hub.',
    );
  }
  if (error.hubCode === 'BlobContainerValidationError') {
    return new ApiError(
      502,
      'HUB_STORAGE_REJECTED',
      `The hub could not use the job's storage container. ${text}`,
    );
  }
  if (error.hubCode === 'JobNotFound' || error.status === 404)
    return new ApiError(404, 'JOB_NOT_FOUND', 'The hub does not know this job.');
  if (error.status === 401)
    return new ApiError(502, 'HUB_UNAUTHORIZED', "The hub refused the proxy's credentials.");
  if (error.status === 429)
    return new ApiError(503, 'HUB_THROTTLED', 'The hub is throttling requests; try again shortly.');
  if (error.status === 0 || error.status >= 500)
    return new ApiError(503, 'HUB_UNAVAILABLE', 'The hub is unavailable.');
  return new ApiError(502, 'HUB_ERROR', text, { hubCode: error.hubCode, hubStatus: error.status });
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs a hub call and turns its failure into the proxy's stable error. */
export async function callHub<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubRequestError) throw toApiError(error);
    throw error;
  }
}
