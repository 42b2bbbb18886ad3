// Storage failures as data, in storage terms. The storage modules (this folder and
// src/proxy/operations-index) never pick an HTTP status or an API code: one mapping,
// src/proxy/http/storage-errors.ts, decides what a client sees for each kind.

export type StorageErrorKind =
  /** The id names no operation: not an operation id, or its container does not exist. */
  | 'operation-not-found'
  /** Storage refused the proxy's credentials or grant (403). */
  | 'forbidden'
  /** Storage answered that the resource is in another state (409, 412). */
  | 'conflict'
  /** A server-side copy ended other than in success, or did not end in time. */
  | 'copy-failed'
  /** Storage answered with another error, or did not answer. */
  | 'unavailable';

/** Which store failed: blob containers, or the operations index in Table Storage. */
export type StorageService = 'blob' | 'table';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly service: StorageService;
  /** Storage's own HTTP status, when it answered at all. */
  readonly storageStatus: number | undefined;

  constructor(
    kind: StorageErrorKind,
    service: StorageService,
    message: string,
    storageStatus?: number,
  ) {
    super(message);
    this.name = 'StorageError';
    this.kind = kind;
    this.service = service;
    this.storageStatus = storageStatus;
  }
}

// Read by name, not instanceof: the blob and the table SDKs each export a RestError class.
function storageStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, statusCode } = error as { name?: unknown; statusCode?: unknown };
  return name === 'RestError' && typeof statusCode === 'number' ? statusCode : undefined;
}

/** The kind a failed storage call is, read from the status storage answered with. */
export function storageFailure(
  error: unknown,
  service: StorageService,
  message: string,
): StorageError {
  const status = storageStatusOf(error);
  const kind: StorageErrorKind =
    status === 403 ? 'forbidden' : status === 409 || status === 412 ? 'conflict' : 'unavailable';
  return new StorageError(kind, service, message, status);
}
